package io.devops.platform.acceptance;

/** PASS and FAIL are judged against a threshold; UNKNOWN says why no judgement was possible. */
public enum Verdict {
    PASS, FAIL, UNKNOWN
}
