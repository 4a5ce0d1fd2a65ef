package io.devops.platform.identity;

import io.devops.platform.identity.ApiTokens.ApiTokenView;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every user manages their own API tokens; admins see and revoke everyone's. A token acts with
 * its owner's role as it is at each request, narrowed by its scopes ({@link TokenScope}); it expires
 * after 90 days unless told otherwise, a year at most, and is shown once, at creation. Only a user signed in with a password gets
 * here, never an API token (see {@link PasswordSignInOnly}).
 */
@RestController
@TenantAware
@RequestMapping("/api/v1/api-tokens")
@Transactional
class ApiTokensController {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 365;

    private final ApiTokens tokens;
    private final Users users;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokensController(ApiTokens tokens, Users users, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** A user's own tokens; an admin's list holds everyone's, or one user's with {@code ?username=}. */
    @GetMapping
    PageResult<ApiTokenView> list(@RequestParam(required = false) String username,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) String sort, Authentication caller) {
        PageQuery query = PageQuery.of(page, size, sort, "id,desc");
        return tokens.page(isAdmin(caller) ? null : userId(caller), username, query);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedToken create(@Valid @RequestBody NewToken request, Authentication caller) {
        Set<TokenScope> scopes = request.checkedScopes();
        if (caller instanceof ApiTokenAuthentication parent) {
            scopes.retainAll(parent.scopes());
        }
        String token = TokenCodec.newApiToken();
        Instant now = clock.instant();
        int days = request.expiresInDays() == null ? DEFAULT_DAYS : request.expiresInDays();
        Instant expiresAt = now.plus(Duration.ofDays(days));
        long id = tokens.insert(userId(caller), madeWithToken(caller), request.name(), TokenCodec.sha256(token),
                TokenCodec.displayPrefix(token), scopes, expiresAt, now, caller.getName());
        ApiTokenView view = tokens.byId(id).orElseThrow();
        audit.record("api-token.created", "api-token", id, caller.getName() + " created API token '" + request.name() + "'",
                null, view);
        return new CreatedToken(view.id(), view.name(), token, view.prefix(), view.scopes(), view.createdAt(),
                view.expiresAt());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id, Authentication caller) {
        ApiTokenView token = tokens.byId(id).orElseThrow(() -> new NotFoundException("API token", id));
        if (!isAdmin(caller) && !token.username().equals(caller.getName())) {
            throw new NotFoundException("API token", id);
        }
        if (token.revokedAt() != null) {
            throw new ConflictException("API token " + id + " was already revoked at " + token.revokedAt());
        }
        int revoked = tokens.revoke(id, clock.instant(), caller.getName());
        String madeFromIt = revoked > 1 ? " and " + (revoked - 1) + " token(s) made from it" : "";
        audit.record("api-token.revoked", "api-token", id, caller.getName() + " revoked API token '" + token.name()
                + "' of " + token.username() + madeFromIt, token, null);
    }

    /**
     * The token a caller signed in with, which a token made now must not outlive. {@link SecurityConfig}
     * refuses token callers here today; the link keeps holding should that ever be loosened.
     */
    private static Long madeWithToken(Authentication caller) {
        return caller instanceof ApiTokenAuthentication token ? token.tokenId() : null;
    }

    private long userId(Principal caller) {
        return users.byUsername(caller.getName()).orElseThrow(() -> new NotFoundException("User", caller.getName())).id();
    }

    private static boolean isAdmin(Authentication caller) {
        return Role.ADMIN.heldBy(caller);
    }

    /** {@code scopes} absent or null: all three, as every token had before scopes existed (see docs/SECURITY.md). */
    record NewToken(@NotBlank @Size(max = 128) String name,
                    @Min(value = 1, message = "must be at least 1 (day)")
                    @Max(value = MAX_DAYS, message = "must be at most 365: a token lives a year at most; make a new one then")
                    Integer expiresInDays,
                    List<String> scopes) {

        Set<TokenScope> checkedScopes() {
            if (scopes == null) {
                return EnumSet.copyOf(TokenScope.ALL);
            }
            if (scopes.isEmpty()) {
                throw new InvalidInputException("scopes", "must name at least one of read, run, admin (or be left out for all)");
            }
            Set<TokenScope> checked = EnumSet.noneOf(TokenScope.class);
            for (String name : scopes) {
                checked.add(TokenScope.parse(name).orElseThrow(() -> new InvalidInputException("scopes",
                        "'" + name + "' is not a scope; use read (GET only), run (start and cancel runs) or admin"
                                + " (whatever your role allows)")));
            }
            return checked;
        }
    }

    /** The only answer that ever contains the token itself. */
    record CreatedToken(long id, String name, String token, String prefix, List<String> scopes, Instant createdAt,
                        Instant expiresAt) {
    }
}
