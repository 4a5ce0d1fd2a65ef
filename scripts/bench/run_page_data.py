#!/usr/bin/env python3
"""Prints SQL for one synthetic finished run: N nodes x 10 steps and a log of M MiB, and a later
run of the same job (1002, no log) for the compare view.

Usage: run_page_data.py [NODES] [MEGABYTES] > run.sql   (pipe it to the mariadb client)
The rows are those the server writes itself (RunContents, Runs, RunLogs): a tenant, a pool, the
nodes, a job with one version, one run with one item, one task per step, a result per node and
step, and the log as chunks of at most 64 KB, each tagged with its task. Deterministic (seeded),
so every measurement loads the same run. The last line of the log is printed to stderr.
"""
import json
import random
import sys

NODES = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
LOG_BYTES = (int(sys.argv[2]) if len(sys.argv) > 2 else 50) * 1024 * 1024
CHUNK_BYTES = 64 * 1024
CHUNKS_PER_INSERT = 16  # about 1 MB per statement, well under max_allowed_packet
T0 = "2026-11-24 08:00:00"
STEPS = [  # (name, type): what a GPU node delivery template looks like
    ("ins_driver_cuda", "operator"), ("ins_fabricmanager", "operator"), ("ins_nccl", "operator"),
    ("ins_dcgm", "operator"), ("cfg_infiniband", "operator"), ("ins_docker", "operator"),
    ("ins_nvidia_container_toolkit", "operator"), ("chk_gpu_health", "script"),
    ("run_nccl_tests", "script"), ("run_dcgm_diag", "script"),
]
ACTIONS = ["install packages", "render config", "restart service", "check version", "wait for device",
           "load kernel module", "copy files", "verify checksum"]
GREEN, YELLOW, RED, CYAN, RESET = "\x1b[0;32m", "\x1b[0;33m", "\x1b[0;31m", "\x1b[0;36m", "\x1b[0m"
FAILURE = "non-zero return code: nvidia-smi: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver"
UNREACHABLE = "Failed to connect to the host via ssh: ssh: connect to host {ip} port 22: Connection timed out"

rng = random.Random(6)
out = sys.stdout


def sql(value):
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)):
        return str(value)
    escaped = (value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")
               .replace("\r", "\\r").replace("\x00", "\\0").replace("\x1a", "\\Z"))
    return f"'{escaped}'"


def insert(table, columns, rows):
    """One multi-row INSERT per 500 rows."""
    for start in range(0, len(rows), 500):
        values = ",\n".join("(" + ", ".join(sql(v) for v in row) + ")" for row in rows[start:start + 500])
        out.write(f"INSERT INTO {table} ({', '.join(columns)}) VALUES\n{values};\n")


def at(seconds):
    return f"TIMESTAMPADD(MICROSECOND, {int(seconds * 1_000_000)}, '{T0}')"


def ip_of(n):
    return f"10.0.{n // 250}.{n % 250 + 1}"


def outcomes():
    """Per node and step: a few nodes unreachable throughout, about 3 % of the other cells failed."""
    unreachable = set(rng.sample(range(NODES), max(1, NODES // 200)))
    return [["UNREACHABLE" if n in unreachable else "FAILED" if rng.random() < 0.03 else "SUCCEEDED"
             for _ in STEPS] for n in range(NODES)]


def log_lines(step, name, status_of, lines_per_host, nodes=NODES):
    """One step's output, node by node, as Ansible through the platform's callback writes it."""
    yield f"[platform] step {step + 1}/{len(STEPS)}: {name} on {NODES} nodes\n"
    yield f"{CYAN}PLAY [{name}] ******************************************************{RESET}\n"
    for n in range(nodes):
        ip, status = ip_of(n), status_of[n][step]
        if status == "UNREACHABLE":
            yield f"{ip} | {RED}UNREACHABLE! => {UNREACHABLE.format(ip=ip)}{RESET}\n"
            continue
        for i in range(lines_per_host):
            action = ACTIONS[i % len(ACTIONS)]
            result = f"{YELLOW}changed{RESET}" if i % 5 == 0 else f"{GREEN}ok{RESET}"
            yield f"{ip} | TASK [{name} : {action} #{i + 1}] {result}\n"
        if status == "FAILED":
            yield f"{ip} | {RED}fatal: FAILED! => {FAILURE}{RESET}\n"


def chunks(status_of, task_ids, last_line):
    """(task id, content) chunks of at most 64 KB, cut at line ends, about LOG_BYTES in all."""
    for step, (name, _) in enumerate(STEPS):
        sample = list(log_lines(step, name, [["SUCCEEDED"] * len(STEPS)], 8, nodes=1))[2:]
        line_bytes = sum(map(len, sample)) / len(sample)
        lines_per_host = max(1, round(LOG_BYTES / len(STEPS) / NODES / line_bytes))
        size, parts = 0, []
        for line in log_lines(step, name, status_of, lines_per_host):
            if size + len(line) > CHUNK_BYTES:
                yield task_ids[step], "".join(parts)
                size, parts = 0, []
            parts.append(line)
            size += len(line)
        if step == len(STEPS) - 1:
            parts.append(last_line)
        yield task_ids[step], "".join(parts)


def main():
    status_of = outcomes()
    failed_steps = [any(row[s] != "SUCCEEDED" for row in status_of) for s in range(len(STEPS))]
    out.write("SET NAMES utf8mb4;\nSET autocommit = 0;\n")
    out.write(f"INSERT INTO tenants (id, name, created_at, created_by) VALUES (1001, 'bench_tenant', {at(0)}, 'bench');\n")
    out.write("INSERT INTO node_pools (id, name, tenant_id, description, created_at, created_by) "
              f"VALUES (1001, 'bench_pool', 1001, 'Run page benchmark', {at(0)}, 'bench');\n")
    insert("nodes", ["id", "ip", "hostname", "node_type", "gpu_type", "gpu_count", "ssh_port", "ssh_user",
                     "node_pool_id", "registered_at", "created_at", "created_by"],
           [(n + 1, ip_of(n), f"gpu-{n + 1:04d}", "gpu", "H100", 8, 22, "root", 1001, T0, T0, "bench")
            for n in range(NODES)])
    out.write(f"INSERT INTO jobs (id, name, latest_version, created_at, created_by) VALUES (1001, 'deliver_h100_nodes', 1, {at(0)}, 'admin');\n")
    out.write("INSERT INTO job_versions (id, job_id, version, name, failure_policy, created_at, created_by) "
              f"VALUES (1001, 1001, 1, 'deliver_h100_nodes', 'CONTINUE', {at(0)}, 'admin');\n")
    step_seconds = 90
    duration = step_seconds * len(STEPS)
    out.write("INSERT INTO runs (id, job_id, original_job_id, job_version, job_name, failure_policy, status, message, "
              "executed_by, executor, run_kind, queued_at, started_at, finished_at, duration_ms, log_bytes) VALUES "
              f"(1001, 1001, 1001, 1, 'deliver_h100_nodes', 'CONTINUE', 'FAILED', 'some nodes failed', 'admin', "
              f"'bench', 'RUN', {at(0)}, {at(1)}, {at(1 + duration)}, {duration * 1000}, {LOG_BYTES});\n")
    insert("run_status_history", ["run_id", "from_status", "to_status", "reason", "changed_at", "changed_by"],
           [(1001, None, "QUEUED", "started", T0, "admin"), (1001, "QUEUED", "RUNNING", None, T0, "bench"),
            (1001, "RUNNING", "FAILED", "some nodes failed", T0, "bench")])
    out.write("INSERT INTO run_items (id, run_id, sequence, template_id, template_name, template_version) "
              "VALUES (1001, 1001, 1, 1001, 'h100_delivery', 3);\n")
    insert("run_item_nodes", ["run_item_id", "node_id", "ip", "hostname", "ssh_port", "ssh_user", "node_pool_id",
                              "node_pool_name"],
           [(1001, n + 1, ip_of(n), f"gpu-{n + 1:04d}", 22, "root", 1001, "bench_pool") for n in range(NODES)])
    task_ids = [1001 + s for s in range(len(STEPS))]
    for s, (name, kind) in enumerate(STEPS):
        step = [{"sequence": s + 1, "type": kind, "refId": 1001 + s, "name": name, "version": 1}]
        status = "FAILED" if failed_steps[s] else "SUCCEEDED"
        out.write("INSERT INTO run_tasks (id, run_id, run_item_id, sequence, task_type, dispatch, steps, command, "
                  "reports, status, started_at, finished_at, duration_ms, exit_code, message) VALUES "
                  f"({task_ids[s]}, 1001, 1001, {s + 1}, '{'PLAYBOOK' if kind == 'operator' else 'SHELL'}', 'ANSIBLE', "
                  f"{sql(json.dumps(step))}, NULL, '[]', '{status}', {at(1 + s * step_seconds)}, "
                  f"{at(1 + (s + 1) * step_seconds)}, {step_seconds * 1000}, {2 if failed_steps[s] else 0}, "
                  f"{sql('some nodes failed' if failed_steps[s] else None)});\n")
    results = []
    for s in range(len(STEPS)):
        for n in range(NODES):
            status = status_of[n][s]
            message = {"FAILED": FAILURE, "UNREACHABLE": UNREACHABLE.format(ip=ip_of(n))}.get(status)
            rc = {"FAILED": 2, "SUCCEEDED": 0}.get(status)
            results.append((task_ids[s], n + 1, ip_of(n), status, rc, 12, 3, int(status == "FAILED"), 0,
                            rng.randint(20_000, 89_000), message, T0))
    insert("run_host_results", ["run_task_id", "node_id", "ip", "status", "rc", "ok_count", "changed_count",
                                "failed_count", "skipped_count", "duration_ms", "message", "finished_at"], results)
    later_run(duration, step_seconds)
    out.write("COMMIT;\n")
    last_line = f"[platform] run 1001 finished: FAILED ({NODES} nodes x {len(STEPS)} steps, end of the benchmark log)\n"
    batch = []
    for seq, (task, content) in enumerate(chunks(status_of, task_ids, last_line), start=1):
        assert len(content.encode()) <= CHUNK_BYTES, "a chunk over 64 KB"
        batch.append((1001, seq, task, content, T0))
        if len(batch) == CHUNKS_PER_INSERT:
            flush(batch)
    flush(batch)
    out.write("COMMIT;\n")
    print(last_line.strip(), file=sys.stderr)


def later_run(duration, step_seconds):
    """Run 1002 of the same job a day later, for the compare view: outcomes and durations drawn anew
    (other failures, other unreachable nodes), no log. Its tasks are 2001..2010."""
    status_of = outcomes()
    out.write("INSERT INTO runs (id, job_id, original_job_id, job_version, job_name, failure_policy, status, message, "
              "executed_by, executor, run_kind, queued_at, started_at, finished_at, duration_ms, log_bytes) VALUES "
              f"(1002, 1001, 1001, 1, 'deliver_h100_nodes', 'CONTINUE', 'FAILED', 'some nodes failed', 'admin', "
              f"'bench', 'RUN', {at(86400)}, {at(86401)}, {at(86401 + duration)}, {duration * 1000}, 0);\n")
    out.write("INSERT INTO run_items (id, run_id, sequence, template_id, template_name, template_version) "
              "VALUES (1002, 1002, 1, 1001, 'h100_delivery', 3);\n")
    insert("run_item_nodes", ["run_item_id", "node_id", "ip", "hostname", "ssh_port", "ssh_user", "node_pool_id",
                              "node_pool_name"],
           [(1002, n + 1, ip_of(n), f"gpu-{n + 1:04d}", 22, "root", 1001, "bench_pool") for n in range(NODES)])
    for s, (name, kind) in enumerate(STEPS):
        step = [{"sequence": s + 1, "type": kind, "refId": 1001 + s, "name": name, "version": 1}]
        out.write("INSERT INTO run_tasks (id, run_id, run_item_id, sequence, task_type, dispatch, steps, command, "
                  "reports, status, started_at, finished_at, duration_ms, exit_code, message) VALUES "
                  f"({2001 + s}, 1002, 1002, {s + 1}, '{'PLAYBOOK' if kind == 'operator' else 'SHELL'}', 'ANSIBLE', "
                  f"{sql(json.dumps(step))}, NULL, '[]', 'FAILED', {at(86401 + s * step_seconds)}, "
                  f"{at(86401 + (s + 1) * step_seconds)}, {step_seconds * 1000}, 2, 'some nodes failed');\n")
    results = []
    for s in range(len(STEPS)):
        for n in range(NODES):
            status = status_of[n][s]
            message = {"FAILED": FAILURE, "UNREACHABLE": UNREACHABLE.format(ip=ip_of(n))}.get(status)
            results.append((2001 + s, n + 1, ip_of(n), status, {"FAILED": 2, "SUCCEEDED": 0}.get(status), 12, 3,
                            int(status == "FAILED"), 0, rng.randint(20_000, 89_000), message, T0))
    insert("run_host_results", ["run_task_id", "node_id", "ip", "status", "rc", "ok_count", "changed_count",
                                "failed_count", "skipped_count", "duration_ms", "message", "finished_at"], results)


def flush(batch):
    if batch:
        values = ",\n".join("(" + ", ".join(sql(v) for v in row) + ")" for row in batch)
        out.write(f"INSERT INTO run_log_chunks (run_id, seq, run_task_id, content, written_at) VALUES\n{values};\n")
        batch.clear()


if __name__ == "__main__":
    main()
