package io.devops.platform.catalog;

import static io.devops.platform.catalog.CatalogFixture.parameter;
import static io.devops.platform.catalog.CatalogFixture.scriptStep;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Script parameter values that could still escape their quoting: options, arithmetic, slow patterns. */
class ScriptInputsApiTests extends ApiTest {

    private CatalogFixture catalog;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixture(admin());
    }

    private long shell(String command, String parameter, String pattern) {
        return catalog.shell(unique("s"), command, p -> parameter(p, parameter, pattern), "agent").get("id").asLong();
    }

    private Api.Response templateWith(long shell, String parameter, String value) {
        return admin().post("/api/v1/templates", CatalogFixture.templateBody(unique("t"),
                steps -> scriptStep(steps, shell, null, p -> p.put(parameter, value))).toString());
    }

    private JsonNode firstError(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        return response.json().get("errors").get(0);
    }

    private String command(Api.Response created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return admin().get("/api/v1/templates/" + created.id() + "/plan").json().get("tasks").get(0).get("command").asString();
    }

    @Test
    void aValueStartingWithADashIsRefusedAsAnOptionEvenWhenThePatternMatchesIt() {
        long shell = shell("rm <dir>", "dir", "[a-z/-]+");

        JsonNode error = firstError(templateWith(shell, "dir", "-rf"));

        assertThat(error.get("field").asString()).isEqualTo("steps[0].params.dir");
        assertThat(error.get("message").asString()).contains("'-rf' starts with '-'").contains("option");
    }

    @Test
    void theDefaultPatternDoesNotLetAnOptionThrough() {
        long shell = catalog.shell(unique("s"), "ls <dir>",
                p -> p.addObject().put("name", "dir").put("required", true), "agent").get("id").asLong();

        assertThat(firstError(templateWith(shell, "dir", "--all")).get("message").asString()).contains("option");
    }

    @Test
    void aPatternStartingWithALiteralDashAllowsOptionsAndNegativeNumbers() {
        assertThat(command(templateWith(shell("./verbosity.sh <level>", "level", "-v{1,3}"), "level", "-vv")))
                .isEqualTo("./verbosity.sh -vv");
        assertThat(command(templateWith(shell("./offset.sh <by>", "by", "^(-?[0-9]+)"), "by", "-5")))
                .isEqualTo("./offset.sh -5");
    }

    @Test
    void theTextbookCatastrophicPatternAnswers400Quickly() {
        long shell = shell("echo <word>", "word", "(a+)+$");

        long started = System.nanoTime();
        var response = templateWith(shell, "word", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(firstError(response).get("field").asString()).isEqualTo("steps[0].params.word");
    }

    /** The JDK memoizes simple nested loops like (a+)+; one more level of nesting it does not. */
    @Test
    void aPatternThatBacktracksForeverIsCutOffWithA400NamingThePattern() {
        long shell = shell("echo <word>", "word", "((a+)+)+b");

        long started = System.nanoTime();
        JsonNode error = firstError(templateWith(shell, "word", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(error.get("message").asString()).contains("((a+)+)+b").contains("takes too long to match");
    }

    @Test
    void aCatastrophicPatternIsCaughtWhenItsDefaultIsCheckedAsTheShellIsSaved() {
        var response = admin().post("/api/v1/shells", CatalogFixture.object().put("name", unique("s"))
                .put("command", "echo <word>").put("dispatch", "agent")
                .set("parameters", CatalogFixture.JSON.createArrayNode().add(CatalogFixture.object().put("name", "word")
                        .put("pattern", "(.*a){20}$").put("defaultValue", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!")))
                .toString());

        assertThat(firstError(response).get("message").asString()).contains("takes too long to match");
    }

    @Test
    void aValueUsedInShellArithmeticMustBeAnInteger() {
        long shell = shell("echo $(( <n> + 1 ))", "n", ".+");

        assertThat(firstError(templateWith(shell, "n", "a[$(id)]")).get("message").asString())
                .contains("shell arithmetic");
        assertThat(command(templateWith(shell, "n", "41"))).isEqualTo("echo $(( 41 + 1 ))");
    }

    @Test
    void numericTestsAndLetAreArithmeticButStringTestsAreNot() {
        assertThat(firstError(templateWith(shell("[[ <n> -gt 3 ]] && echo big", "n", ".+"), "n", "x[$(id)]"))
                .get("message").asString()).contains("shell arithmetic");
        assertThat(firstError(templateWith(shell("let total=<n>*2; echo $total", "n", ".+"), "n", "x[$(id)]"))
                .get("message").asString()).contains("shell arithmetic");
        assertThat(command(templateWith(shell("[[ <name> == foo ]] && echo yes", "name", ".+"), "name", "a b")))
                .isEqualTo("[[ 'a b' == foo ]] && echo yes");
    }
}
