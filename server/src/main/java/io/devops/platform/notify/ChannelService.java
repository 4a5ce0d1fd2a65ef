package io.devops.platform.notify;

import io.devops.platform.credentials.SecretSeal;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channels: created and changed with their address and secret sealed; the audit trail records names
 * and which secrets changed, never their values.
 */
@Service
@Transactional
class ChannelService {

    private final Channels channels;
    private final SecretSeal seal;
    private final AuditTrail audit;
    private final Clock clock;

    ChannelService(Channels channels, SecretSeal seal, AuditTrail audit, Clock clock) {
        this.channels = channels;
        this.seal = seal;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PageResult<ChannelView> page(PageQuery query) {
        return channels.page(query).map(ChannelView::of);
    }

    @Transactional(readOnly = true)
    ChannelView get(long id) {
        return ChannelView.of(find(id));
    }

    Channel find(long id) {
        return channels.get(id).orElseThrow(() -> new NotFoundException("Notification channel", id));
    }

    ChannelView create(ChannelRequest request) {
        if (request.type() == null) {
            throw new InvalidInputException("type", "give the channel type: webhook, dingtalk, feishu, wecom or email");
        }
        ChannelType type = ChannelType.parse(request.type());
        String name = uniqueName(request.name(), 0);
        ChannelRules.secretFits(type, request.secret());
        String urlSealed = null;
        String urlMasked = null;
        if (type.overHttp()) {
            URI url = ChannelRules.url(request.url());
            urlSealed = seal.seal(url.toString(), Channel.URL_PURPOSE);
            urlMasked = ChannelRules.masked(url);
        }
        Channel.Smtp smtp = type == ChannelType.EMAIL ? ChannelRules.smtp(request.smtp()) : null;
        Instant now = clock.instant();
        Channel channel = new Channel(0, name, type, language(request.language(), Language.EN), request.enabled() == null
                || request.enabled(), urlSealed, urlMasked, sealSecret(request.secret()), smtp, now, CurrentActor.name(), null, null);
        long id = channels.insert(channel);
        audit.record("notification-channel.created", "notification-channel", id, "Created " + type.apiName()
                + " notification channel " + name + (channel.secretSealed() != null ? " with a secret" : ""), null, null);
        return get(id);
    }

    ChannelView update(long id, ChannelRequest request) {
        Channel before = find(id);
        if (request.type() != null && ChannelType.parse(request.type()) != before.type()) {
            throw new InvalidInputException("type", "a channel keeps its type; create a new channel for " + request.type());
        }
        String name = request.name() == null ? before.name() : uniqueName(request.name(), id);
        String urlSealed = before.urlSealed();
        String urlMasked = before.urlMasked();
        if (before.type().overHttp() && request.url() != null) {
            URI url = ChannelRules.url(request.url());
            urlSealed = seal.seal(url.toString(), Channel.URL_PURPOSE);
            urlMasked = ChannelRules.masked(url);
        }
        String secretSealed = before.secretSealed();
        if (request.secret() != null) {
            ChannelRules.secretFits(before.type(), request.secret());
            secretSealed = sealSecret(request.secret());
        }
        Channel.Smtp smtp = before.type() == ChannelType.EMAIL && request.smtp() != null ? ChannelRules.smtp(request.smtp()) : before.smtp();
        Channel after = new Channel(id, name, before.type(), language(request.language(), before.language()),
                request.enabled() == null ? before.enabled() : request.enabled(), urlSealed, urlMasked, secretSealed, smtp,
                before.createdAt(), before.createdBy(), clock.instant(), CurrentActor.name());
        channels.update(after);
        audit.record("notification-channel.updated", "notification-channel", id, "Changed notification channel " + name
                + (request.url() != null ? "; new address" : "") + (request.secret() != null ? "; new secret" : ""), null, null);
        return get(id);
    }

    void delete(long id) {
        Channel channel = find(id);
        channels.delete(id);
        audit.record("notification-channel.deleted", "notification-channel", id, "Deleted notification channel " + channel.name()
                + " with its rules and deliveries", null, null);
    }

    private String uniqueName(String requested, long id) {
        String name = ChannelRules.name(requested);
        if (channels.nameTaken(name, id)) {
            throw new ConflictException("A notification channel named '" + name + "' exists; choose another name");
        }
        return name;
    }

    private static Language language(String tag, Language otherwise) {
        return tag == null ? otherwise : Language.parse(tag);
    }

    private String sealSecret(String secret) {
        return secret == null || secret.isEmpty() ? null : seal.seal(secret, Channel.SECRET_PURPOSE);
    }
}
