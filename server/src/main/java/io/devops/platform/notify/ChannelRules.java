package io.devops.platform.notify;

import io.devops.platform.notify.ChannelRequest.SmtpRequest;
import io.devops.platform.shared.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What makes a channel's fields valid; every refusal names the field and how to fix it. */
final class ChannelRules {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,]+@[^@\\s,]+");

    private ChannelRules() {
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "give the channel a name (1-64 characters)");
        }
        return name.strip();
    }

    /** An absolute http(s) address; the HTTP channel types post to it. */
    static URI url(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("url", "give the robot's or webhook's address (https://...)");
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidInputException("url", "must be an http:// or https:// address with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "is not a valid address: " + e.getReason());
        }
    }

    /** {@code scheme://host[:port]/***}: enough to recognise the service, nothing of its key. */
    static String masked(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "/***";
    }

    static Channel.Smtp smtp(SmtpRequest smtp) {
        if (smtp == null) {
            throw new InvalidInputException("smtp", "give the mail server: {\"host\",\"port\",\"username\",\"from\",\"to\":[...]}");
        }
        if (smtp.host() == null || smtp.host().isBlank()) {
            throw new InvalidInputException("smtp.host", "give the SMTP server's host name or address");
        }
        int port = smtp.port() == null ? 25 : smtp.port();
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("smtp.port", "must be between 1 and 65535");
        }
        String from = address("smtp.from", smtp.from());
        List<String> to = smtp.to() == null ? List.of() : smtp.to().stream().map(address -> address("smtp.to", address)).toList();
        if (to.isEmpty()) {
            throw new InvalidInputException("smtp.to", "give at least one recipient address");
        }
        String username = smtp.username() == null || smtp.username().isBlank() ? null : smtp.username().strip();
        return new Channel.Smtp(smtp.host().strip(), port, username, from, to, smtp.starttls());
    }

    private static String address(String field, String address) {
        if (address == null || !ADDRESS.matcher(address.strip()).matches()) {
            throw new InvalidInputException(field, "'" + address + "' is not an e-mail address (name@example.com)");
        }
        return address.strip();
    }

    /** A webhook is always signed: its receiver checks the signature, so it needs the secret. */
    static void secretFits(ChannelType type, String secret) {
        boolean given = secret != null && !secret.isEmpty();
        if (type == ChannelType.WEBHOOK && !given) {
            throw new InvalidInputException("secret", "a webhook signs every message: give the secret its receiver checks");
        }
        if (!type.signable() && given) {
            throw new InvalidInputException("secret", "WeCom robots are not signed (their key is in the address): leave secret out");
        }
    }
}
