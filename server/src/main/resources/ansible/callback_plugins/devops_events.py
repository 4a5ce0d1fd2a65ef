# -*- coding: utf-8 -*-
# Shipped by the GPU node delivery platform: writes one JSON line per playbook event to the file
# named by DEVOPS_EVENTS_FILE, next to the normal human-readable output. Only ansible-core APIs are
# used (no ansible.posix), so it works on core-only installs.
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = """
    name: devops_events
    type: notification
    short_description: one JSON line per event for the delivery platform
    description: Task starts, per-host results and the final stats, as JSON lines.
    requirements:
      - DEVOPS_EVENTS_FILE names the file to append to
"""

import json
import os
import time

from ansible.plugins.callback import CallbackBase


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "notification"
    CALLBACK_NAME = "devops_events"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super(CallbackModule, self).__init__()
        # Taken out of the environment: a role's lookup('env', ...) must not find the file to forge events.
        path = os.environ.pop("DEVOPS_EVENTS_FILE", None)
        self._out = open(path, "a", buffering=1) if path else None
        self._task_started = {}

    def _emit(self, event, **fields):
        if self._out is None:
            return
        fields["event"] = event
        fields["time"] = time.time()
        self._out.write(json.dumps(fields, default=str, sort_keys=True) + "\n")

    def v2_playbook_on_task_start(self, task, is_conditional):
        self._task_started[task._uuid] = time.time()
        self._emit("task_start", task=task.get_name(), task_id=task._uuid, role=_role(task))

    def v2_runner_on_start(self, host, task):
        # Each host's progress: the task it starts now (the page shows it while the step runs).
        self._emit("host_start", host=host.get_name(), task=task.get_name(), role=_role(task), step=_step(task))

    def v2_playbook_on_handler_task_start(self, task):
        self.v2_playbook_on_task_start(task, False)

    def _show_output(self, host, data):
        # Ansible's own output hides what a command printed; the run log shows it, line by line,
        # up to DEVOPS_MAX_OUTPUT_BYTES per host and task.
        budget = int(os.environ.get("DEVOPS_MAX_OUTPUT_BYTES", str(64 * 1024 * 1024)))
        for key, mark in (("stdout", "|"), ("stderr", "!")):
            text = data.get(key)
            if not isinstance(text, str) or not text:
                continue
            shown = text[:budget]
            for line in shown.splitlines():
                self._display.display("%s %s %s" % (host, mark, line))
            if len(text) > len(shown):
                self._display.display("%s %s [%d more bytes not shown]" % (host, mark, len(text) - len(shown)))
            budget -= len(shown)

    def _result(self, status, result):
        task = result._task
        data = result._result or {}
        if status != "skipped":
            self._show_output(result._host.get_name(), data)
        started = self._task_started.get(task._uuid, time.time())
        self._emit(
            "host_result",
            status=status,
            host=result._host.get_name(),
            task=task.get_name(),
            task_id=task._uuid,
            role=_role(task),
            step=_step(task),
            changed=bool(data.get("changed", False)),
            rc=data.get("rc"),
            msg=_message(data),
            duration_ms=int((time.time() - started) * 1000),
        )

    def v2_runner_on_ok(self, result):
        self._result("changed" if (result._result or {}).get("changed") else "ok", result)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._result("ignored" if ignore_errors else "failed", result)

    def v2_runner_on_unreachable(self, result):
        self._result("unreachable", result)

    def v2_runner_on_skipped(self, result):
        self._result("skipped", result)

    def v2_playbook_on_stats(self, stats):
        hosts = {}
        for host in sorted(stats.processed.keys()):
            summary = stats.summarize(host)
            hosts[host] = {key: summary.get(key, 0) for key in
                           ("ok", "changed", "failures", "unreachable", "skipped", "rescued", "ignored")}
        self._emit("stats", hosts=hosts)
        if self._out is not None:
            self._out.flush()


def _role(task):
    role = getattr(task, "_role", None)
    return role.get_name() if role is not None else None


STEP_PREFIX = "[platform] step "


def _step(task):
    # The name of the platform's include of the template step this task belongs to (the task
    # itself, or its outermost include so named): several steps compiled into one playbook are
    # told apart by it. None for a task outside them (the platform's closing tasks).
    found = None
    current = task
    while current is not None:
        name = current.get_name() if hasattr(current, "get_name") else None
        if name and name.startswith(STEP_PREFIX):
            found = name
        parent = getattr(current, "get_first_parent_include", None)
        current = parent() if parent is not None else None
    return found


def _message(data):
    # A failed command's own words (stderr) say more than Ansible's "non-zero return code".
    if data.get("rc") not in (None, 0) and data.get("stderr"):
        return _text(data.get("stderr"))
    if data.get("rc") not in (None, 0) and data.get("stdout"):
        return _text("%s: %s" % (data.get("msg") or "non-zero return code", data.get("stdout")[-1500:]))
    for key in ("msg", "stderr", "reason", "exception"):
        value = data.get(key)
        if value:
            return _text(value)
    return None


def _text(value):
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return text.strip()[-2000:]
