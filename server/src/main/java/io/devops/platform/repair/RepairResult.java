package io.devops.platform.repair;

/** How a repair action ended; {@code detail} always says why. */
record RepairResult(Kind kind, String detail) {

    enum Kind { SUCCEEDED, FAILED, SKIPPED }

    static RepairResult succeeded(String detail) {
        return new RepairResult(Kind.SUCCEEDED, detail);
    }

    static RepairResult failed(String detail) {
        return new RepairResult(Kind.FAILED, detail);
    }

    boolean succeeded() {
        return kind == Kind.SUCCEEDED;
    }
}
