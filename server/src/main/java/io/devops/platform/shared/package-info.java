/**
 * Shared kernel: problem responses, paging and time. Every module may use it; it depends on none.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.devops.platform.shared;
