package io.devops.agent;

/**
 * Entry point of the node agent. Enrolment, facts and command polling arrive with the agent issue;
 * until then the jar only states its version so that packaging and install scripts can be tested.
 */
public final class AgentMain {

    private AgentMain() {
    }

    public static void main(String[] args) {
        System.out.println("devops-agent " + version() + ": enrolment is not implemented yet");
    }

    static String version() {
        String version = AgentMain.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
