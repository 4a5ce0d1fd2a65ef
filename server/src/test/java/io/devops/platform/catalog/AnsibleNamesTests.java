package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnsibleNamesTests {

    @ParameterizedTest
    @ValueSource(strings = {"local_nvidia_driver_path", "_private", "x1", "CUDA_HOME"})
    void acceptsPythonIdentifiers(String name) {
        assertThat(AnsibleNames.variableNameProblem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1abc", "with-dash", "with space", "dotted.name", "ünïcode", "a{{b}}"})
    void rejectsWhatIsNotAnIdentifier(String name) {
        assertThat(AnsibleNames.variableNameProblem(name)).get().asString().contains("identifier");
    }

    @ParameterizedTest
    @ValueSource(strings = {"class", "lambda", "True", "hostvars", "inventory_hostname", "environment", "omit",
            "ansible_host", "ansible_become_password"})
    void rejectsPythonKeywordsAndAnsiblesOwnNames(String name) {
        assertThat(AnsibleNames.variableNameProblem(name)).isPresent();
    }
}
