package io.devops.platform.identity;

/** Implemented by the inventory, which owns tenants: whether a tenant a membership names exists. */
public interface TenantDirectory {

    boolean exists(long tenantId);
}
