/**
 * Report files a step declares: fetched from the nodes after the step
 * ({@link io.devops.platform.execution.reports.ReportCollector}) and stored with the run
 * ({@link io.devops.platform.execution.reports.RunReports}). Both are public to the module.
 */
package io.devops.platform.execution.reports;
