package io.devops.platform.collections;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.Multipart;
import io.devops.platform.support.TarGz;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Collections are stored as the artifact ansible-galaxy builds, named by their MANIFEST.json, with
 * their SHA-256; a version never changes; hostile archives are refused; uploading is ADMIN's alone.
 */
class CollectionsApiTests extends ApiTest {

    @Test
    void anArtifactBuiltByAnsibleGalaxyIsStoredUnderTheNameItsManifestGivesAndListed() throws Exception {
        String namespace = namespace();
        byte[] artifact = GalaxyBuild.build(namespace, "tools", "1.2.3", "one");

        Api.Response first = upload(admin(), "renamed-on-the-way.tar.gz", artifact);
        Api.Response again = upload(admin(), "other-name.tar.gz", artifact);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("namespace").asString()).isEqualTo(namespace);
        assertThat(first.json().get("name").asString()).isEqualTo("tools");
        assertThat(first.json().get("version").asString()).isEqualTo("1.2.3");
        assertThat(first.json().get("sha256").asString()).isEqualTo(sha256(artifact));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.id());
        long listed = java.util.stream.StreamSupport.stream(admin().get("/api/v1/collections").json().spliterator(), false)
                .filter(c -> c.get("namespace").asString().equals(namespace)).count();
        assertThat(listed).isEqualTo(1);
    }

    @Test
    void theSameVersionWithOtherBytesIsAConflictAndTheStoredOneStays() {
        String namespace = namespace();
        byte[] original = GalaxyBuild.build(namespace, "tools", "1.0.0", "original");
        byte[] changed = GalaxyBuild.build(namespace, "tools", "1.0.0", "changed");
        Api.Response stored = upload(admin(), "a.tar.gz", original);

        Api.Response clash = upload(admin(), "a.tar.gz", changed);

        assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
        assertThat(clash.body()).contains(namespace + ".tools 1.0.0", stored.json().get("sha256").asString());
        JsonNode list = admin().get("/api/v1/collections").json();
        for (JsonNode c : list) {
            if (c.get("namespace").asString().equals(namespace)) {
                assertThat(c.get("sha256").asString()).isEqualTo(sha256(original));
            }
        }
    }

    @Test
    void archivesWithoutAManifestOrWithLinksOrDotDotAreRefusedNamingTheProblem() {
        String manifest = manifest(namespace());
        Api.Response noManifest = upload(admin(), "x.tar.gz", TarGz.archive().file("plugins/modules/x.py", "x").bytes());
        Api.Response link = upload(admin(), "x.tar.gz", TarGz.archive().file("MANIFEST.json", manifest)
                .symlink("plugins/evil", "/etc").bytes());
        Api.Response dotDot = upload(admin(), "x.tar.gz", TarGz.archive().file("MANIFEST.json", manifest)
                .file("../escape.py", "x").bytes());
        Api.Response device = upload(admin(), "x.tar.gz", TarGz.archive().file("MANIFEST.json", manifest)
                .entry("dev", TarArchiveEntry.LF_CHR).bytes());
        Api.Response badName = upload(admin(), "x.tar.gz", TarGz.archive()
                .file("MANIFEST.json", manifest.replace("\"tools\"", "\"Tools; rm\"")).bytes());
        Api.Response notGzip = upload(admin(), "x.tar.gz", "not an archive".getBytes());

        assertThat(noManifest.status()).isEqualTo(400);
        assertThat(noManifest.body()).contains("MANIFEST.json", "file");
        assertThat(link.status()).isEqualTo(400);
        assertThat(link.body()).contains("plugins/evil", "link");
        assertThat(dotDot.status()).isEqualTo(400);
        assertThat(dotDot.body()).contains("../escape.py");
        assertThat(device.status()).isEqualTo(400);
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.body()).contains("collection_info.name");
        assertThat(notGzip.status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/collections").body()).doesNotContain("escape");
    }

    @Test
    void onlyAnAdminUploadsCollections() {
        String name = unique("coll").toLowerCase(Locale.ROOT);
        String password = "pw-" + unique("secret") + "-Long";
        Api.Response created = admin().post("/api/v1/users", """
                {"username":"%s","displayName":"Test","password":"%s","role":"OPERATOR"}""".formatted(name, password));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api operator = anonymous().basic(name, password);
        String namespace = namespace();

        Api.Response refused = upload(operator, "x.tar.gz", TarGz.archive().file("MANIFEST.json", manifest(namespace)).bytes());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(operator.get("/api/v1/collections").status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/collections").body()).doesNotContain(namespace);
    }

    private static String manifest(String namespace) {
        return """
                {"collection_info": {"namespace": "%s", "name": "tools", "version": "1.0.0"}}""".formatted(namespace);
    }

    private static String namespace() {
        return unique("ns").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    private static Api.Response upload(Api api, String filename, byte[] artifact) {
        Multipart body = Multipart.file("file", filename, artifact);
        return api.post("/api/v1/collections", body.body(), body.contentType());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
