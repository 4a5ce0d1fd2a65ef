package io.devops.platform.notify;

/** Sends one message through one kind of channel; one implementation per {@link ChannelType}. */
interface ChannelSender {

    ChannelType type();

    /** One try; never throws for what the service or the network did, it says so in the result. */
    SendResult send(OpenChannel channel, Message message, MessageText text);
}
