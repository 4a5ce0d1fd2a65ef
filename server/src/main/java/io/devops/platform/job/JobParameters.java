package io.devops.platform.job;

import io.devops.platform.shared.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A job version's declared parameters: checked when saved, stored as JSON in its row. */
final class JobParameters {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<JobParameter>> LIST = new TypeReference<>() {
    };

    private JobParameters() {
    }

    static void check(List<JobParameter> parameters) {
        if (parameters.size() > JobParameter.MAX_PARAMETERS) {
            throw new InvalidInputException("parameters", "a job declares at most " + JobParameter.MAX_PARAMETERS + " parameters");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parameters.size(); i++) {
            JobParameter parameter = parameters.get(i);
            if (parameter == null) {
                throw new InvalidInputException("parameters[" + i + "]", "must be an object");
            }
            parameter.check("parameters[" + i + "]");
            if (!names.add(parameter.name())) {
                throw new InvalidInputException("parameters[" + i + "].name", "'" + parameter.name() + "' is declared twice");
            }
        }
    }

    static String write(List<JobParameter> parameters) {
        return parameters.isEmpty() ? null : JSON.writeValueAsString(parameters);
    }

    static List<JobParameter> read(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, LIST);
    }
}
