package io.devops.platform.lifecycle;

import static io.devops.platform.lifecycle.LifecycleWorld.h100Spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.acceptance.CheckResult;
import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.shared.Sha256;
import io.devops.platform.support.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The hand-off certificate frozen at delivery, verified offline the way docs/ACCEPTANCE.md tells a
 * tenant to: with the openssl command line, as a real process. And the delivery gate's side of the
 * failure reasons: missing evidence never delivers.
 */
class HandOffCertificateApiTests extends LifecycleWorldTest {

    private static final AtomicLong RUNS = new AtomicLong(950_000_000L + System.nanoTime() % 1_000_000);
    private static final String NCCL_REPORT = "# nccl-tests version 2.13.9\n# Avg bus bandwidth    : 412.7\n";

    @TempDir
    Path dir;

    @Test
    void aDeliveredNodesCertificateVerifiesWithOpensslAndOneChangedByteFailsIt() throws Exception {
        long tenant = world.tenant();
        long pool = world.pool(tenant, h100Spec());
        long node = world.testingNode(pool);
        long run = RUNS.incrementAndGet();
        world.judge(node, run, Instant.now().truncatedTo(ChronoUnit.MILLIS), passing());
        assertThat(admin().get("/api/v1/nodes/" + node + "/certificate").status()).isEqualTo(404);

        Api.Response delivered = admin().post("/api/v1/nodes/" + node + "/deliver", "{\"nodePoolId\":" + pool + "}");

        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        Path cert = write("cert.json", bytes(admin().header("Accept", "application/json"), "/api/v1/nodes/" + node + "/certificate"));
        Path sig = write("sig.bin", Base64.getDecoder().decode(admin().get("/api/v1/nodes/" + node + "/certificate/signature").body()
                .strip()));
        Path key = write("key.pem", admin().get("/api/v1/certificates/public-key").body().getBytes(StandardCharsets.US_ASCII));
        assertThat(openssl(key, cert, sig)).isZero();
        byte[] changed = Files.readAllBytes(cert);
        changed[changed.length / 2] ^= 1;
        assertThat(openssl(key, write("changed.json", changed), sig)).isNotZero();
    }

    @Test
    void theCertificateNamesTheNodeItsVersionsAndPerCheckTheFiguresRunTimeAndOutputSha256() {
        long pool = world.pool(world.tenant(), h100Spec());
        long node = world.testingNode(pool);
        long run = RUNS.incrementAndGet();
        Instant judged = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        world.judge(node, run, judged, passing());
        assertThat(admin().post("/api/v1/nodes/" + node + "/deliver", "{\"nodePoolId\":" + pool + "}").status()).isEqualTo(200);

        Api.Response json = admin().header("Accept", "application/json").get("/api/v1/nodes/" + node + "/certificate");
        JsonNode certificate = json.json();

        assertThat(json.contentType()).startsWith("application/json");
        assertThat(certificate.get("verdict").asString()).isEqualTo("PASS");
        assertThat(certificate.get("identity").get("nodeId").asLong()).isEqualTo(node);
        assertThat(certificate.get("versions").get("driver").asString()).isEqualTo("550.54.15");
        assertThat(certificate.get("versions").get("cuda").asString()).isEqualTo("12.4");
        assertThat(certificate.get("versions").get("fabricManager").isNull()).as("unknown, never guessed").isTrue();
        assertThat(certificate.get("identity").get("infiniband").size()).isEqualTo(8);
        JsonNode nccl = certificate.get("checks").get(1);
        assertThat(nccl.get("check").asString()).isEqualTo("nccl_all_reduce");
        assertThat(nccl.get("measured").asDouble()).isEqualTo(472.31);
        assertThat(nccl.get("threshold").asDouble()).isEqualTo(460.0);
        assertThat(nccl.get("runId").asLong()).isEqualTo(run);
        assertThat(Instant.parse(nccl.get("judgedAt").asString())).isEqualTo(judged);
        assertThat(nccl.get("outputSha256").asString()).isEqualTo(Sha256.hex(NCCL_REPORT));
        assertThat(json.body()).as("canonical: keys sorted, no whitespace").startsWith("{\"checks\":[{\"check\":\"gpu_inventory\"");
        Api.Response markdown = admin().header("Accept", "text/markdown").get("/api/v1/nodes/" + node + "/certificate");
        assertThat(markdown.contentType()).startsWith("text/markdown");
        assertThat(markdown.body()).contains("# Hand-off certificate").contains("| nccl_all_reduce | PASS |")
                .contains("openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in cert.json -sigfile sig.bin");
    }

    @Test
    void aCertificateNeverChangesOnceFrozen() {
        long pool = world.pool(world.tenant(), h100Spec());
        long node = world.testingNode(pool);
        world.judge(node, RUNS.incrementAndGet(), Instant.now(), passing());
        assertThat(admin().post("/api/v1/nodes/" + node + "/deliver", "{\"nodePoolId\":" + pool + "}").status()).isEqualTo(200);
        String frozen = admin().get("/api/v1/nodes/" + node + "/certificate").body();

        world.verdict(node, RUNS.incrementAndGet(), "nvlink", CheckVerdict.FAIL, Instant.now());

        assertThat(admin().get("/api/v1/nodes/" + node + "/certificate").body()).isEqualTo(frozen);
    }

    @Test
    void aTenantUserReadsTheCertificatesOfItsOwnNodesOnly() {
        long mine = world.tenant();
        long pool = world.pool(mine, h100Spec());
        long node = world.testingNode(pool);
        world.judge(node, RUNS.incrementAndGet(), Instant.now(), passing());
        assertThat(admin().post("/api/v1/nodes/" + node + "/deliver", "{\"nodePoolId\":" + pool + "}").status()).isEqualTo(200);
        Api member = world.member(mine, "VIEWER");
        Api stranger = world.member(world.tenant(), "VIEWER");

        assertThat(member.get("/api/v1/nodes/" + node + "/certificate").status()).isEqualTo(200);
        assertThat(member.get("/api/v1/nodes/" + node + "/certificate/signature").status()).isEqualTo(200);
        assertThat(member.get("/api/v1/certificates/public-key").body()).startsWith("-----BEGIN PUBLIC KEY-----");
        Api.Response foreign = stranger.get("/api/v1/nodes/" + node + "/certificate");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("detail").asString()).contains("has no certificate");
        assertThat(stranger.get("/api/v1/nodes/" + node + "/certificate/signature").status()).isEqualTo(404);
    }

    @Test
    void aReadyNodeWhoseLatestVerdictIsMissingEvidenceCannotBeDelivered() {
        long pool = world.pool(world.tenant(), h100Spec());
        long node = world.testingNode(pool);
        world.judge(node, RUNS.incrementAndGet(), Instant.now(), passing());
        long missing = RUNS.incrementAndGet();
        verdicts.record(missing, null, node, "127.0.0.1", CheckResult.missingEvidence("nccl_all_reduce",
                "no report: is missing: the step did not write it on this node"), Instant.now(), null);

        Api.Response refused = admin().post("/api/v1/nodes/" + node + "/deliver", "{\"nodePoolId\":" + pool + "}");

        assertThat(admin().get("/api/v1/nodes/" + node).json().get("lifecycle").asString()).isEqualTo("READY");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("check nccl_all_reduce is ERROR (MISSING_EVIDENCE, run " + missing);
        assertThat(admin().get("/api/v1/nodes/" + node + "/certificate").status()).isEqualTo(404);
    }

    @Test
    void aRunWithMissingEvidenceLeavesTheNodeFailedTestingAndTheRunsVerdictsNameTheReason() {
        long pool = world.pool(world.tenant(), h100Spec());
        long node = world.testingNode(pool);
        Map<CheckResult, String> results = new LinkedHashMap<>(passing());
        results.put(CheckResult.missingEvidence("nvlink", "no report: is missing: the step did not write it on this node"), null);

        world.judge(node, RUNS.incrementAndGet(), Instant.now(), results);

        assertThat(admin().get("/api/v1/nodes/" + node).json().get("lifecycle").asString()).isEqualTo("FAILED_TESTING");
        assertThat(admin().post("/api/v1/nodes/" + node + "/deliver", "{\"nodePoolId\":" + pool + "}").status()).isEqualTo(409);
    }

    // --- helpers

    /** A passing gpu_inventory and nccl_all_reduce, each judged from a stored report. */
    private static Map<CheckResult, String> passing() {
        Map<CheckResult, String> results = new LinkedHashMap<>();
        results.put(CheckResult.fault("gpu_inventory", CheckVerdict.PASS, 8.0, 8.0, "GPUs", "8 of 8 GPUs NVIDIA H100 80GB HBM3"),
                Sha256.hex("0, NVIDIA H100 80GB HBM3, 1654922014154, GPU-0\n"));
        results.put(CheckResult.measured("nccl_all_reduce", CheckVerdict.PASS, 472.31, 460.0, "GB/s", "472.31 GB/s busbw"),
                Sha256.hex(NCCL_REPORT));
        return results;
    }

    private static byte[] bytes(Api api, String path) throws IOException {
        var response = api.stream(path);
        try (var body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            return body.readAllBytes();
        }
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** The documented command, as a tenant runs it: its exit status. */
    private int openssl(Path key, Path cert, Path sig) throws Exception {
        Process process = new ProcessBuilder("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", key.toString(), "-rawin",
                "-in", cert.toString(), "-sigfile", sig.toString()).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(said).isNotBlank();
        return process.exitValue();
    }
}
