package io.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartBodyTests {

    @Test
    void selectorsBecomeNodePoolAndLabelLists() {
        var selector = StartBody.selector(List.of("5", "node:6", "10.0.0.8", "node:gpu-8", "pool:2", "pool:gpu_pool_a", "label:rack=r1",
                "label:row=a=b"), "--limit", name -> name.equals("gpu_pool_a") ? 7 : -1, address -> address.equals("10.0.0.8") ? 8 : 9);

        assertThat(selector.toString()).isEqualTo("{\"nodeIds\":[5,6,8,9],\"poolIds\":[2,7],\"labels\":{\"rack\":\"r1\",\"row\":\"a=b\"}}");
    }

    @Test
    void noSelectorsMeanNoLimit() {
        assertThat(StartBody.selector(List.of(), "--limit", name -> 0, node -> 0)).isNull();
    }

    @Test
    void anUnknownSelectorIsAUsageErrorNamingTheForms() {
        assertThatThrownBy(() -> StartBody.selector(List.of("rack:r1"), "--exclude", name -> 0, node -> 0))
                .isInstanceOfSatisfying(CliException.class,
                e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
                    assertThat(e.getMessage()).contains("--exclude rack:r1", "node:ID", "label:KEY=VALUE");
                });
        assertThatThrownBy(() -> StartBody.selector(List.of("node:"), "--limit", name -> 0, node -> 0)).hasMessageContaining("nothing after");
        assertThatThrownBy(() -> StartBody.selector(List.of("label:rack"), "--limit", name -> 0, node -> 0)).hasMessageContaining("KEY=VALUE");
    }

    @Test
    void varsAreTextUnlessWrittenAsJson() {
        var vars = StartBody.vars(List.of("operator=alice", "hours:=4", "strict:=true", "racks:=[\"r1\",\"r2\"]", "note=a=b", "empty="));

        assertThat(vars.toString())
                .isEqualTo("{\"operator\":\"alice\",\"hours\":4,\"strict\":true,\"racks\":[\"r1\",\"r2\"],\"note\":\"a=b\",\"empty\":\"\"}");
    }

    @Test
    void aVarThatIsNotValidJsonIsNamedWithoutItsValue() {
        assertThatThrownBy(() -> StartBody.vars(List.of("password:={not json secret"))).isInstanceOfSatisfying(CliException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(e.getMessage()).contains("password").doesNotContain("secret");
        });
        assertThatThrownBy(() -> StartBody.vars(List.of("=x"))).hasMessageContaining("NAME=VALUE");
    }

    @Test
    void theBodyHasOnlyWhatWasAskedFor() {
        assertThat(StartBody.of(null, null, null, null, false, null, false).toString()).isEqualTo("{}");
        assertThat(StartBody.of(3, null, null, null, true, 8, true).toString())
                .isEqualTo("{\"version\":3,\"checkMode\":true,\"batchSize\":8,\"skipLocked\":true}");
    }
}
