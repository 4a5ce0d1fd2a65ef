/**
 * The execution's settings ({@code devops.execution.*}) and this instance's name as an executor of
 * runs; public to the module, read by every part of it.
 */
package io.devops.platform.execution.settings;
