package io.devops.platform.execution.compare;

import io.devops.platform.acceptance.CheckResult;

/** A check's verdict on a node in one run, with the figure it was judged on (for NCCL, the bus bandwidth). */
public record CheckCell(String verdict, Double measured, Double threshold, String unit, String message) {

    static CheckCell of(CheckResult result) {
        return new CheckCell(result.verdict().name(), result.measured(), result.threshold(), result.unit(), result.message());
    }
}
