package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import io.devops.platform.support.SudoUser;
import io.devops.platform.support.TestNodes;
import io.devops.platform.support.TestNodes.OtherNode;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * POST /api/v1/nodes/{id}/test-connection over real SSH: the node's credential (or its pool's),
 * its SSH user and host key checking, as a run would; sudo with a become password for real. And
 * POST /api/v1/credentials/{id}/test: the same check with a chosen credential instead.
 */
class NodeConnectionTests extends ApiTest {

    private TestNodes testNodes;
    private RunFixtures fixtures;

    @BeforeEach
    void nodes() {
        assumeTrue(TestNodes.available(), "needs root, openssh-server and ansible-core: run scripts/test.sh");
        testNodes = TestNodes.shared();
        fixtures = new RunFixtures(admin(), testNodes);
    }

    @Test
    void aTestNodeIsReachedWithItsPoolsCredentialAndBecomesRoot() {
        long node = fixtures.testNodeIds().get(0);

        assertSignedInAndBecameRoot(admin().post("/api/v1/nodes/" + node + "/test-connection", "{}"));
    }

    /** The credential under test signs in, not the node's or its pool's. */
    @Test
    void aCredentialWithTheNodesKeySignsInAndBecomesRoot() {
        long node = fixtures.testNodeIds().get(0);

        assertSignedInAndBecameRoot(admin().post("/api/v1/credentials/" + credential("root") + "/test", "{\"nodeId\":" + node + "}"));
    }

    @Test
    void aWrongCredentialIsUnreachableWithTheReasonOnANodeItsOwnCredentialReaches() {
        long node = fixtures.testNodeIds().get(0);
        long wrong = credential("nobody_" + Long.toString(System.nanoTime() % 100_000, 36));

        JsonNode result = admin().post("/api/v1/credentials/" + wrong + "/test", "{\"nodeId\":" + node + "}").json();

        assertThat(result.get("reachable").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.get("become").asBoolean()).isFalse();
        assertThat(result.get("message").asString()).startsWith("Cannot sign in to ").doesNotContain("PRIVATE KEY");
        JsonNode ownCheck = admin().post("/api/v1/nodes/" + node + "/test-connection", "{}").json();
        assertThat(ownCheck.get("reachable").asBoolean()).as(ownCheck.toString()).isTrue();
    }

    @Test
    void aCredentialTestOnAnUnknownNodeOrCredentialIsNotFoundAndWithoutANodeIdIsInvalid() {
        long credential = credential("root");
        long node = fixtures.testNodeIds().get(0);

        assertThat(admin().post("/api/v1/credentials/" + credential + "/test", "{\"nodeId\":987654321}").status()).isEqualTo(404);
        assertThat(admin().post("/api/v1/credentials/987654321/test", "{\"nodeId\":" + node + "}").status()).isEqualTo(404);
        Api.Response missing = admin().post("/api/v1/credentials/" + credential + "/test", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("nodeId");
    }

    @Test
    void aNodeNobodyListensOnIsUnreachableAndTheAnswerSaysWhere() {
        long node = fixtures.node(uniqueIp(), 1, unique("nobody-home").replace('_', '-'));

        JsonNode result = admin().post("/api/v1/nodes/" + node + "/test-connection", "{}").json();

        assertThat(result.get("reachable").asBoolean()).isFalse();
        assertThat(result.get("become").asBoolean()).isFalse();
        assertThat(result.get("message").asString()).startsWith("Cannot sign in to ").contains(":1 over SSH");
    }

    @Test
    void aWrongBecomePasswordSignsInButCannotBecomeRootUntilTheCredentialHasTheRightOne() throws Exception {
        assumeTrue(SudoUser.available(), "needs sudo and useradd: run scripts/test.sh");
        String password = "sudo-" + System.nanoTime();
        SudoUser.withPassword(password, testNodes.publicKey());
        long credential = admin().post("/api/v1/credentials", RunFixtures.object().put("name", unique("sudo_user"))
                .put("sshUser", SudoUser.NAME).put("privateKey", testNodes.privateKey()).put("becomePassword", "wrong-one")
                .toString()).json().get("id").asLong();
        try (OtherNode other = testNodes.otherNode("127.0.3." + ThreadLocalRandom.current().nextInt(1, 255))) {
            long node = fixtures.node(other.ip(), other.port(), unique("sudo-node").replace('_', '-'));
            JsonNode current = admin().get("/api/v1/nodes/" + node).json();
            assertThat(admin().put("/api/v1/nodes/" + node, RunFixtures.object().put("ip", other.ip()).put("sshPort", other.port())
                    .putNull("sshUser").put("credentialId", credential).put("nodePoolId", current.get("nodePoolId").asLong())
                    .toString()).status()).isEqualTo(200);

            JsonNode refused = admin().post("/api/v1/nodes/" + node + "/test-connection", "{}").json();
            assertThat(refused.get("reachable").asBoolean()).as(refused.toString()).isTrue();
            assertThat(refused.get("become").asBoolean()).as(refused.toString()).isFalse();
            assertThat(refused.get("message").asString()).contains("becoming root failed").doesNotContain("wrong-one");

            admin().put("/api/v1/credentials/" + credential, RunFixtures.object().put("name", unique("sudo_user"))
                    .put("sshUser", SudoUser.NAME).put("becomePassword", password).toString());
            JsonNode accepted = admin().post("/api/v1/nodes/" + node + "/test-connection", "{}").json();
            assertThat(accepted.get("become").asBoolean()).as(accepted.toString()).isTrue();
            admin().delete("/api/v1/nodes/" + node);
        }
    }

    @Test
    void anUnknownNodeIsNotFound() {
        assertThat(admin().post("/api/v1/nodes/987654321/test-connection", "{}").status()).isEqualTo(404);
    }

    private static void assertSignedInAndBecameRoot(Api.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode result = answer.json();
        assertThat(result.get("reachable").asBoolean()).as(answer.toString()).isTrue();
        assertThat(result.get("become").asBoolean()).as(answer.toString()).isTrue();
        assertThat(result.get("message").asString()).contains("became root");
        assertThat(result.get("durationMs").asLong()).isPositive();
    }

    private long credential(String user) {
        Api.Response created = admin().post("/api/v1/credentials", RunFixtures.object().put("name", unique("cred"))
                .put("sshUser", user).put("privateKey", testNodes.privateKey()).toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }
}
