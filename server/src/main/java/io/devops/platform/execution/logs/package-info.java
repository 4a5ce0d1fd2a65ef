/**
 * A run's log: buffered appenders written as numbered chunks at most a second late
 * ({@link io.devops.platform.execution.logs.LogFlusher}), the chunks' repository, reading one node's
 * lines, and the live server-sent events of a run ({@link io.devops.platform.execution.logs.RunEvents}).
 *
 * <p>Public to the rest of the module: {@code LogFlusher}, {@code LogAppender}'s writing side,
 * {@code RunLogs}' reads, {@code OutputLines}, {@code NodeLines} and {@code RunEvents.stream}.
 */
package io.devops.platform.execution.logs;
