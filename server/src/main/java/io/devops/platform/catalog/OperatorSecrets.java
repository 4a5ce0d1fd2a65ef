package io.devops.platform.catalog;

import io.devops.platform.credentials.SecretSeal;
import org.springframework.stereotype.Component;

/**
 * The values of secret variables, sealed with the master key as SSH credentials are: the database
 * holds only ciphertext, and a value is opened only to reach Ansible. In a compiled playbook a
 * secret is a reference to an extra variable named per step ({@link #variable}), whose value the run
 * writes into a file of the owner's only, removed when the step ends.
 */
@Component
class OperatorSecrets {

    private static final String PURPOSE = "role_variables.variable_value";

    private final SecretSeal seal;

    OperatorSecrets(SecretSeal seal) {
        this.seal = seal;
    }

    String seal(String plaintext) {
        return seal.seal(plaintext, PURPOSE);
    }

    String open(String sealed, String variableName) {
        return seal.open(sealed, PURPOSE, "the secret value of variable " + variableName);
    }

    /** The extra variable that carries secret {@code name} of the template step {@code sequence}. */
    static String variable(int sequence, String name) {
        return "devops_secret_" + sequence + "_" + name;
    }

    /** A secret value in a step's values: the playbook refers to the step's extra variable instead. */
    record Reference(String name) {

        String jinja(int sequence) {
            return "{{ " + variable(sequence, name) + " }}";
        }
    }
}
