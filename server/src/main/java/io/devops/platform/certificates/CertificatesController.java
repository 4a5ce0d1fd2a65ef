package io.devops.platform.certificates;

import io.devops.platform.certificates.Certificates.Frozen;
import io.devops.platform.identity.TenantAware;
import io.devops.platform.identity.TenantScopes;
import io.devops.platform.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A delivered node's certificate: the signed JSON byte for byte, the same as Markdown, its signature,
 * and the public key that verifies it. A tenant user sees the certificates of deliveries into its own
 * tenant; another's, like a node never delivered, is 404.
 */
@RestController
@TenantAware
@RequestMapping("/api/v1")
class CertificatesController {

    static final String MARKDOWN = "text/markdown";

    private final Certificates certificates;
    private final SigningKeys keys;
    private final TenantScopes scopes;

    CertificatesController(Certificates certificates, SigningKeys keys, TenantScopes scopes) {
        this.certificates = certificates;
        this.keys = keys;
        this.scopes = scopes;
    }

    @GetMapping("/nodes/{id}/certificate")
    ResponseEntity<byte[]> json(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(visible(id).body().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(path = "/nodes/{id}/certificate", produces = MARKDOWN)
    ResponseEntity<String> markdown(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MARKDOWN + ";charset=UTF-8"))
                .body(CertificateMarkdown.of(id, visible(id).body()));
    }

    @GetMapping(path = "/nodes/{id}/certificate/signature", produces = MediaType.TEXT_PLAIN_VALUE)
    String signature(@PathVariable long id) {
        return visible(id).signature();
    }

    @GetMapping(path = "/certificates/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    String publicKey() {
        return keys.current().publicKeyPem();
    }

    private Frozen visible(long nodeId) {
        // Another tenant's certificate is answered as one never frozen, with the same words.
        return certificates.latestOf(nodeId).filter(frozen -> scopes.current().sees(frozen.tenantId()))
                .orElseThrow(() -> new NotFoundException("Node " + nodeId + " has no certificate: one is frozen when the node is"
                        + " delivered (POST /api/v1/nodes/" + nodeId + "/deliver)"));
    }
}
