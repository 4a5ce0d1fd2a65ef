package io.devops.platform.notify;

/** A channel with its address and secret opened, for one try; its toString shows neither. */
record OpenChannel(Channel channel, String url, String secret) {

    @Override
    public String toString() {
        return "OpenChannel[" + channel + "]";
    }
}
