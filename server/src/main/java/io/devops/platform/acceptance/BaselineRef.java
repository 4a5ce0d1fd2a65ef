package io.devops.platform.acceptance;

/** The baseline a verdict was judged against, as it was then: its id, value and the number of results behind it. */
public record BaselineRef(long id, double value, int samples) {
}
