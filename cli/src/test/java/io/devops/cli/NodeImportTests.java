package io.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeImportTests {

    @Test
    void poolAddsAColumnToEveryLine() {
        String csv = NodesCommand.NodeCsvPool.withPool("ip,hostname\n10.0.0.1,n1\n\n10.0.0.2,n2", "nodePool", "pool \"a\",b");

        assertThat(csv).isEqualTo("ip,hostname,nodePool\n10.0.0.1,n1,\"pool \"\"a\"\",b\"\n\n10.0.0.2,n2,\"pool \"\"a\"\",b\"\n");
    }

    @Test
    void aFileThatNamesItsPoolsRefusesPool() {
        assertThatThrownBy(() -> NodesCommand.NodeCsvPool.withPool("ip, nodePoolId\n10.0.0.1,3\n", "nodePoolId", "2"))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE));
    }
}
