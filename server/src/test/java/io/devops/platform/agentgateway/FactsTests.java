package io.devops.platform.agentgateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FactsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the agent's FactsCollector sends from a GPU node, nulls of probes that found nothing included. */
    private static final String REAL_NODE = """
            {"hostname":"gpu-h100-01.dc1.example.com","ips":["10.0.0.5","fd00::5"],
             "os":{"name":"Ubuntu","version":"22.04","prettyName":"Ubuntu 22.04.4 LTS"},"kernel":"5.15.0-105-generic",
             "arch":"amd64","cpu":{"model":"Intel(R) Xeon(R) Platinum 8480+","logicalCores":224,"sockets":2},
             "memory":{"totalBytes":2164206600192},
             "gpu":{"present":true,"model":"NVIDIA H100 80GB HBM3","count":8,"driverVersion":"550.54.15","cudaVersion":null,
                    "summary":"8 x NVIDIA H100 80GB HBM3","devices":[{"index":0,"name":"NVIDIA H100 80GB HBM3",
                    "uuid":"GPU-1f2e","memoryMiB":81559,"busId":"00000000:18:00.0"}]},
             "nics":[{"name":"ens1np0","mac":"b8:3f:d2:00:00:01","state":"up","mtu":"9000","speedMbps":"-1",
                      "driver":"mlx5_core","firmwareVersion":"28.39.1002 (MT_0000000838)"}],
             "infiniband":[{"name":"mlx5_0","ports":[{"port":"1","state":"4: ACTIVE","rate":"400 Gb/sec (4X NDR)"}]}],
             "agentVersion":"0.1.0"}""";

    private static List<InputError> problems(String facts) {
        return Facts.problems(JSON.readTree(facts), facts);
    }

    private static List<String> fields(String facts) {
        return problems(facts).stream().map(InputError::field).toList();
    }

    @Test
    void aRealNodesFactsPassAndGiveTheInventoryItsFields() {
        JsonNode facts = JSON.readTree(REAL_NODE);

        assertThat(Facts.problems(facts, REAL_NODE)).isEmpty();
        var summary = Facts.summarize(facts, null);
        assertThat(summary.hostname()).isEqualTo("gpu-h100-01.dc1.example.com");
        assertThat(summary.gpuType()).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(summary.gpuCount()).isEqualTo(8);
    }

    @Test
    void hostnameAndGpuModelFollowTheInventorysRules() {
        assertThat(problems("{\"hostname\":\"gpu_01\",\"gpu\":{\"model\":\"H100 <script>\",\"devices\":[{\"name\":\"\"}]}}"))
                .extracting(InputError::field, InputError::message).containsExactly(
                        tuple("facts.hostname", "must be a DNS host name (letters, digits, '-', dots; 253 at most)"),
                        tuple("facts.gpu.model", "must be 1-64 letters, digits, spaces, '_', '.' or '-'"),
                        tuple("facts.gpu.devices[0].name", "must be 1-64 letters, digits, spaces, '_', '.' or '-'"));
        assertThat(fields("{\"hostname\":7,\"gpu\":{\"model\":[\"H100\"]}}")).containsExactly("facts.hostname", "facts.gpu.model");
        assertThat(fields("{\"hostname\":\"" + "a".repeat(64) + "\"}")).containsExactly("facts.hostname");
    }

    @Test
    void countsMustBeWholeNumbersInASaneRange() {
        assertThat(fields("{\"gpu\":{\"count\":64},\"cpu\":{\"logicalCores\":1,\"sockets\":0},\"memory\":{\"totalBytes\":1}}"))
                .isEmpty();
        assertThat(fields("""
                {"gpu":{"count":65,"devices":[{"index":-1,"memoryMiB":1e9}]},"cpu":{"logicalCores":0,"sockets":"2"},
                 "memory":{"totalBytes":99999999999999999999}}"""))
                .containsExactly("facts.gpu.count", "facts.gpu.devices[0].index", "facts.gpu.devices[0].memoryMiB",
                        "facts.cpu.logicalCores", "facts.cpu.sockets", "facts.memory.totalBytes");
    }

    @Test
    void noStringOrNameAnywhereMayHoldAControlCharacter() {
        var found = problems("""
                {"kernel":"6.1\\u0000","nics":[{"driver":"mlx5\\r\\nforged","x\\u202Ey":"z"}],"os":{"name":"Ubuntu\\u0085"}}""");

        assertThat(found).extracting(InputError::field)
                .containsExactly("facts.kernel", "facts.nics[0].driver", "facts.nics[0].x?y", "facts.os.name");
        assertThat(found).allSatisfy(problem -> assertThat(problem.message()).contains("control characters"));
    }

    @Test
    void aDocumentFullOfBadValuesIsDescribedByItsFirstProblems() {
        String many = "{\"bad\":[" + "\"\\u0001\",".repeat(100) + "\"\\u0001\"]}";

        assertThat(problems(many)).hasSize(Facts.MAX_PROBLEMS);
    }

    @Test
    void theEnrollingAgentsHostnameAndVersionAreCheckedToo() {
        assertThat(Facts.enrolmentProblems("gpu-01", "0.1.0")).isEmpty();
        assertThat(Facts.enrolmentProblems(null, null)).isEmpty();
        assertThat(Facts.enrolmentProblems("gpu 01", "0.1\n")).extracting(InputError::field)
                .containsExactly("hostname", "agentVersion");
    }
}
