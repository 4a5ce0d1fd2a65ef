package io.devops.platform.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP with the channel's own server (Spring's {@code JavaMailSender}): the title as the
 * subject, the plain text as the body, UTF-8. The SMTP password is the channel's secret.
 */
@Component
class EmailSender implements ChannelSender {

    private final NotifyProperties properties;

    EmailSender(NotifyProperties properties) {
        this.properties = properties;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public SendResult send(OpenChannel channel, Message message, MessageText text) {
        Channel.Smtp smtp = channel.channel().smtp();
        JavaMailSenderImpl sender = sender(smtp, channel.secret());
        try {
            MimeMessage mail = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mail, StandardCharsets.UTF_8.name());
            helper.setFrom(smtp.from());
            helper.setTo(smtp.to().toArray(String[]::new));
            helper.setSubject(text.title());
            helper.setText(text.plain());
            sender.send(mail);
            return SendResult.sent(null);
        } catch (MailException | MessagingException e) {
            return SendResult.failed(null, "SMTP " + smtp.host() + ":" + smtp.port() + ": " + rootMessage(e));
        }
    }

    private JavaMailSenderImpl sender(Channel.Smtp smtp, String password) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties props = sender.getJavaMailProperties();
        if (smtp.username() != null) {
            sender.setUsername(smtp.username());
            sender.setPassword(password);
            props.put("mail.smtp.auth", "true");
        }
        props.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
        props.put("mail.smtp.connectiontimeout", Long.toString(properties.connectTimeout().toMillis()));
        props.put("mail.smtp.timeout", Long.toString(properties.readTimeout().toMillis()));
        props.put("mail.smtp.writetimeout", Long.toString(properties.readTimeout().toMillis()));
        return sender;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
