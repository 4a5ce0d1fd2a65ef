package io.devops.platform.acceptance;

/** What a performance check's figure is judged against: its absolute line, the fleet's baseline, or both (the stricter wins). */
enum JudgingMode {
    ABSOLUTE, BASELINE, BOTH
}
