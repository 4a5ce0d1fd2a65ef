package io.devops.platform.credentials;

import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/credentials")
class CredentialsController {

    private final CredentialService credentials;

    CredentialsController(CredentialService credentials) {
        this.credentials = credentials;
    }

    @GetMapping
    PageResult<CredentialView> list(@RequestParam(required = false) String name, @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return credentials.page(name, PageQuery.of(page, size, sort, "name,asc"));
    }

    @GetMapping("/{id}")
    CredentialView get(@PathVariable long id) {
        return credentials.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CredentialView create(@Valid @RequestBody CredentialRequest request) {
        return credentials.create(request);
    }

    /** Secrets left out (null) are kept; an empty passphrase or becomePassword removes it. */
    @PutMapping("/{id}")
    CredentialView update(@PathVariable long id, @Valid @RequestBody CredentialRequest request) {
        return credentials.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        credentials.delete(id);
    }

    /** The body of create and update; its toString never shows the secrets. */
    record CredentialRequest(@Size(max = 64) String name, @Size(max = 500) String description, @Size(max = 32) String sshUser,
                             @Size(max = PrivateKeyText.MAX_CHARS) String privateKey,
                             @Size(max = CredentialRules.MAX_SECRET_CHARS) String passphrase,
                             @Size(max = CredentialRules.MAX_SECRET_CHARS) String becomePassword,
                             CredentialKind kind, @Size(max = 64) String username,
                             @Size(max = CredentialRules.MAX_SECRET_CHARS) String password) {

        CredentialRequest(String name, String description, String sshUser, String privateKey, String passphrase,
                          String becomePassword) {
            this(name, description, sshUser, privateKey, passphrase, becomePassword, null, null, null);
        }

        /** On create, SSH_KEY when left out, as before PASSWORD credentials existed; an update keeps the kind. */
        CredentialKind kindOrDefault() {
            return kind == null ? CredentialKind.SSH_KEY : kind;
        }

        @Override
        public String toString() {
            return "CredentialRequest[name=" + name + ", kind=" + kind + ", sshUser=" + sshUser + ", username=" + username
                    + ", secrets given=" + (privateKey != null) + "/" + (passphrase != null) + "/" + (becomePassword != null)
                    + "/" + (password != null) + "]";
        }
    }
}
