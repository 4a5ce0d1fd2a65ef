package io.devops.platform.notify;

/** How one try went: the service's HTTP status where there was one, and what went wrong. */
record SendResult(boolean ok, Integer responseCode, String error) {

    static SendResult sent(Integer responseCode) {
        return new SendResult(true, responseCode, null);
    }

    static SendResult failed(Integer responseCode, String error) {
        return new SendResult(false, responseCode, error);
    }
}
