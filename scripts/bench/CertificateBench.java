import io.devops.platform.acceptance.AcceptanceVerdicts.NodeVerdict;
import io.devops.platform.acceptance.CheckResult;
import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.certificates.CertificateDocument;
import io.devops.platform.certificates.SigningKey;
import io.devops.platform.inventory.NodeRegistry.KnownNode;
import io.devops.platform.lifecycle.NodeDelivered;
import io.devops.platform.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Freezes N hand-off certificates with the platform's own code (the canonical JSON of an 8 x H100
 * node with 8 HCAs and 13 checks, signed with Ed25519), then verifies every signature, and times
 * both; writes the first certificate, its signature and the public key to DIR for openssl.
 * Usage: java -cp <server classes and libs> scripts/bench/CertificateBench.java N DIR
 */
public class CertificateBench {

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private static final String[] CHECKS = {"dcgm_diag", "ecc", "fabric_manager", "gpu_inventory", "ib_write_bw", "nccl_all_reduce",
            "nccl_all_reduce_multi", "nvbandwidth", "nvlink", "pcie", "row_remap", "torch_all_reduce", "xid"};

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        SigningKey key = SigningKey.generate();
        String fingerprint = key.fingerprint();
        JsonMapper json = JsonMapper.builder().build();
        List<Object[]> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            inputs.add(new Object[] {node(i), facts(json, i), delivered(i), verdicts(i)});
        }
        List<byte[]> bodies = new ArrayList<>(n);
        List<String> signatures = new ArrayList<>(n);
        // Round 1 starts a cold JVM, as a server's first deliveries do; round 2 is the warmed-up figure.
        for (String round : new String[] {"round 1 (cold JVM)", "round 2 (warm)"}) {
            bodies.clear();
            signatures.clear();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (Object[] in : inputs) {
                @SuppressWarnings("unchecked")
                List<NodeVerdict> latest = (List<NodeVerdict>) in[3];
                byte[] body = CertificateDocument.json((KnownNode) in[0], (ObjectNode) in[1], (NodeDelivered) in[2], latest,
                        fingerprint).getBytes(StandardCharsets.UTF_8);
                bodies.add(body);
                signatures.add(key.sign(body));
            }
            long signed = System.nanoTime();
            int verified = 0;
            for (int i = 0; i < n; i++) {
                verified += key.verifies(bodies.get(i), signatures.get(i)) ? 1 : 0;
            }
            long end = System.nanoTime();
            System.out.printf("%s: build + sign %.3f s, verify %.3f s, total %.3f s wall, %.3f s CPU%n", round, (signed - start) / 1e9,
                    (end - signed) / 1e9, (end - start) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9);
            if (verified != n) {
                System.out.println("FAILED: " + (n - verified) + " signature(s) did not verify");
                System.exit(1);
            }
        }
        System.out.printf("certificates: %d per round, %d bytes each on average (target for 1,000: under 5 s)%n", n,
                bodies.stream().mapToLong(b -> b.length).sum() / n);
        Files.write(dir.resolve("cert.json"), bodies.get(0));
        Files.write(dir.resolve("sig.bin"), Base64.getDecoder().decode(signatures.get(0)));
        Files.writeString(dir.resolve("key.pem"), key.publicKeyPem());
    }

    private static KnownNode node(int i) {
        return new KnownNode(i + 1, ip(i), "gpu-node-" + i, "H100", 8, 7, "tenant-pool", 3L, null);
    }

    private static String ip(int i) {
        return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
    }

    private static ObjectNode facts(JsonMapper json, int i) {
        ObjectNode facts = json.createObjectNode().put("hostname", "gpu-node-" + i).put("kernel", "5.15.0-105-generic");
        facts.putObject("system").put("boardSerial", "BS" + (100000 + i)).put("productSerial", "PS" + (100000 + i));
        ObjectNode gpu = facts.putObject("gpu").put("model", "NVIDIA H100 80GB HBM3").put("count", 8).put("driverVersion", "550.54.15")
                .put("cudaVersion", "12.4").put("fabricManagerVersion", "550.54.15");
        var devices = gpu.putArray("devices");
        for (int g = 0; g < 8; g++) {
            devices.addObject().put("index", g).put("name", "NVIDIA H100 80GB HBM3").put("uuid", "GPU-" + i + "-" + g + "-4f1c2b7e")
                    .put("busId", "00000000:" + Integer.toHexString(0x18 + g * 16) + ":00.0");
        }
        var ib = facts.putArray("infiniband");
        for (int h = 0; h < 8; h++) {
            ib.addObject().put("name", "mlx5_" + h).put("hcaType", "MT4129").put("firmwareVersion", "28.39.1002")
                    .put("nodeGuid", String.format("b83f:d203:00%02x:%04x", h, i & 0xffff));
        }
        facts.putArray("nics").addObject().put("name", "eth0").put("mac", "02:00:00:00:" + (i >> 8 & 255) + ":" + (i & 255))
                .put("firmwareVersion", "22.36.1010");
        return facts;
    }

    private static NodeDelivered delivered(int i) {
        return new NodeDelivered(i + 1, 3, 7, "tenant-pool", Instant.parse("2026-12-07T15:00:00Z").plusSeconds(i), "admin", false,
                "delivered into pool tenant-pool");
    }

    private static List<NodeVerdict> verdicts(int i) {
        List<NodeVerdict> verdicts = new ArrayList<>();
        for (int c = 0; c < CHECKS.length; c++) {
            double measured = 460 + (i * 7 + c) % 40 + 0.31;
            verdicts.add(new NodeVerdict(i + 1, ip(i), 1000 + i, (long) c, CheckResult.measured(CHECKS[c], CheckVerdict.PASS, measured,
                    460.0, "GB/s", CHECKS[c] + ": " + measured + " GB/s reaches the line of 460.00 GB/s"),
                    Instant.parse("2026-12-07T14:00:00Z").plusSeconds(i), Sha256.hex(CHECKS[c] + " output of node " + i)));
        }
        return verdicts;
    }
}
