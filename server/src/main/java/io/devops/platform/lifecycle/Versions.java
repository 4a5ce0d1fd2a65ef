package io.devops.platform.lifecycle;

/** Whether a node's version is the one a pool's spec names: equal, or within it ("550" names every 550.x). */
final class Versions {

    private Versions() {
    }

    static boolean matches(String wanted, String actual) {
        return actual != null && (actual.equals(wanted) || actual.startsWith(wanted + "."));
    }
}
