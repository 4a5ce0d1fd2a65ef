package io.devops.platform.repair;

/** What a repair is about, as escalation counts it: component, code and subject (a GPU's bus id, a port, "-"). */
record Condition(String component, String code, String subject) {

    static Condition byHand(String subject) {
        return new Condition("manual", "repair", subject == null ? "-" : subject);
    }

    @Override
    public String toString() {
        return component + " " + code + ("-".equals(subject) ? "" : " on " + subject);
    }
}
