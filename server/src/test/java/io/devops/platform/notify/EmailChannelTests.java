package io.devops.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** E-mail channels against a real SMTP server on 127.0.0.1 (GreenMail), with a user and password. */
class EmailChannelTests extends NotificationApiTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("notifier", "smtp-password-31"));

    @Test
    void aTestMessageArrivesAtTheSmtpServerWithItsSubjectAndBodyInTheChannelsLanguage() throws Exception {
        long channel = data().create(email("smtp-password-31").put("language", "zh-CN"));
        JsonNode shown = admin().get("/api/v1/notification-channels/" + channel).json();
        assertThat(shown.at("/smtp/host").asString()).isEqualTo("127.0.0.1");
        assertThat(shown.at("/smtp/to/0").asString()).isEqualTo("oncall@example.com");
        assertThat(shown.toString()).doesNotContain("smtp-password-31");

        data().sendTest(channel);

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("GPU 交付平台测试消息");
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
        assertThat(mail.getContent().toString()).contains("此通知渠道可用");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("oncall@example.com");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("devops@example.com");
        JsonNode attempts = data().awaitAttempts(channel, 1, Duration.ofSeconds(10));
        assertThat(attempts.get(0).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aWrongSmtpPasswordIsAFailedAttemptThatSaysSo() {
        long channel = data().create(email("not-the-password"));
        data().sendTest(channel);

        JsonNode attempts = data().awaitAttempts(channel, 1, Duration.ofSeconds(10));
        assertThat(attempts.get(0).get("status").asString()).isEqualTo("FAILED");
        assertThat(attempts.get(0).get("error").asString()).startsWith("SMTP 127.0.0.1:" + SMTP.getSmtp().getPort())
                .doesNotContain("not-the-password");
    }

    private ObjectNode email(String password) {
        ObjectNode channel = data().channel("email", null, password);
        channel.putObject("smtp").put("host", "127.0.0.1").put("port", SMTP.getSmtp().getPort()).put("username", "notifier")
                .put("from", "devops@example.com").put("starttls", false).putArray("to").add("oncall@example.com");
        return channel;
    }
}
