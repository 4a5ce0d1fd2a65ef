package io.devops.platform.catalogsync;

import io.devops.platform.catalogsync.GitSources.GitSource;
import io.devops.platform.credentials.CredentialVault;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Git sources of catalog trees. A sync fetches the branch or tag and answers the plan with the
 * commit it was made from; applying needs that commit named back (the one whose plan was
 * approved): when the branch moved meanwhile, it is refused and the new plan must be looked at.
 */
@Service
class GitSourceService {

    private final GitSources sources;
    private final CredentialVault vault;
    private final GitTrees trees;
    private final CatalogImport imports;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    GitSourceService(GitSources sources, CredentialVault vault, GitTrees trees, CatalogImport imports, AuditTrail audit, JsonMapper json,
                     Clock clock, ApplicationEventPublisher events) {
        this.sources = sources;
        this.vault = vault;
        this.trees = trees;
        this.imports = imports;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /** {@code schedule}: a 5-field cron expression (UTC), left out for on-demand syncs only. */
    record Draft(String url, String branch, String tag, String path, String credential, String schedule,
                 Boolean autoApply) {
    }

    /** A sync's answer: the commit fetched and the plan for it (applied or not). */
    record Synced(long sourceId, String commit, CatalogImport.Result result) {
    }

    GitSource create(Draft draft) {
        String credential = draft.credential() == null || draft.credential().isBlank() ? null : draft.credential().trim();
        String url = checkedUrl(draft.url(), credential != null);
        if (credential != null && !vault.existsNamed(credential)) {
            throw new InvalidInputException("credential", "no credential is named " + credential);
        }
        boolean branch = draft.branch() != null && !draft.branch().isBlank();
        boolean tag = draft.tag() != null && !draft.tag().isBlank();
        if (branch == tag) {
            throw new InvalidInputException("branch", "name either a branch or a tag");
        }
        String ref = (branch ? draft.branch() : draft.tag()).trim();
        if (!ref.matches("[A-Za-z0-9._/-]{1,200}") || ref.contains("..") || ref.startsWith("-") || ref.startsWith("/")) {
            throw new InvalidInputException(branch ? "branch" : "tag", "must be a Git branch or tag name such as main or v1.2");
        }
        String path = checkedPath(draft.path());
        SyncSchedule schedule = SyncSchedule.parse(draft.schedule());
        boolean autoApply = Boolean.TRUE.equals(draft.autoApply());
        if (autoApply && schedule == null) {
            throw new InvalidInputException("autoApply", "applies the plans of scheduled syncs; give a schedule too");
        }
        Instant now = clock.instant();
        long id = sources.insert(new GitSources.NewSource(url, branch ? "BRANCH" : "TAG", ref, path,
                schedule == null ? null : schedule.cron(), autoApply, schedule == null ? null : schedule.next(now), credential),
                now, CurrentActor.name());
        GitSource created = sources.byId(id).orElseThrow();
        audit.record("catalog.git-source.created", "catalog_git_source", id, "Added Git source " + url + " (" + ref + ")",
                null, created);
        return created;
    }

    @Transactional
    void remove(long id) {
        GitSource source = sources.byId(id).orElseThrow(() -> new NotFoundException("Git source", id));
        sources.delete(id);
        audit.record("catalog.git-source.removed", "catalog_git_source", id, "Removed Git source " + source.url()
                + " (" + source.refName() + ")", source, null);
    }

    List<GitSource> list() {
        return sources.all();
    }

    /** The plan for the source's current commit; applied only when {@code apply} names that same commit. */
    Synced sync(long id, boolean apply, String approvedCommit) {
        GitSource source = sources.byId(id).orElseThrow(() -> new NotFoundException("Git source", id));
        if (apply && (approvedCommit == null || approvedCommit.isBlank())) {
            throw new InvalidInputException("commit", "name the commit whose plan you approved (the sync answers it)");
        }
        GitTrees.Fetched fetched = trees.fetch(source);
        if (!apply) {
            return new Synced(id, fetched.commit(), imports.dryRun(fetched.files()));
        }
        if (!fetched.commit().equals(approvedCommit.trim())) {
            throw new ConflictException("The " + source.refKind().toLowerCase(Locale.ROOT) + " " + source.refName()
                    + " is at commit " + fetched.commit() + " now, not " + approvedCommit.trim()
                    + "; sync again and review the new plan", Map.of("commit", fetched.commit()));
        }
        CatalogImport.Result result = imports.apply(fetched.files(), new ImportRecords.Origin(id, fetched.commit()));
        if (result.applied() || !result.hasConflicts()) {
            sources.synced(id, fetched.commit(), clock.instant());
        }
        return new Synced(id, fetched.commit(), result);
    }

    /**
     * A scheduled sync: an unchanged commit does nothing; a new one is planned, and applied when the
     * source says so and the plan has no conflict (recorded as done by the source); otherwise the plan
     * waits for a person, who applies it with its commit as for any sync ({@link CatalogPlanWaiting} tells).
     */
    void scheduledSync(GitSource source) {
        GitTrees.Fetched fetched = trees.fetch(source);
        String commit = fetched.commit();
        if (commit.equals(source.lastCommit()) || commit.equals(source.pendingCommit())) {
            return; // seen already: applied, or its plan waits for a person

        }
        CatalogImport.Result plan = imports.dryRun(fetched.files());
        boolean changes = plan.counts().get(PlanEntry.CREATE) + plan.counts().get(PlanEntry.NEW_VERSION) > 0;
        if (!plan.hasConflicts() && (source.autoApply() || !changes)) {
            CatalogImport.Result applied = imports.apply(fetched.files(), new ImportRecords.Origin(source.id(), commit),
                    "git-source#" + source.id());
            if (!applied.hasConflicts()) {
                sources.synced(source.id(), commit, clock.instant());
                String outcome = applied.applied() ? "applied commit " + commit + ": " + counts(applied)
                        : "commit " + commit + " changes nothing in the platform";
                sources.planned(source.id(), null, json.writeValueAsString(applied), outcome);
                return;
            }
            plan = applied; // the platform changed between the plan and the apply
        }
        String waits = plan.hasConflicts() ? "has conflicts, nothing applied: " : "waits for approval: ";
        sources.planned(source.id(), commit, json.writeValueAsString(plan), "commit " + commit + " " + waits + counts(plan));
        events.publishEvent(new CatalogPlanWaiting(source.id(), source.url(),
                source.refKind().toLowerCase(Locale.ROOT) + " " + source.refName(), commit,
                plan.counts().get(PlanEntry.CREATE), plan.counts().get(PlanEntry.NEW_VERSION),
                plan.counts().get(PlanEntry.CONFLICT), clock.instant()));
    }

    private static String counts(CatalogImport.Result result) {
        return result.counts().get(PlanEntry.CREATE) + " to create, " + result.counts().get(PlanEntry.NEW_VERSION)
                + " new versions, " + result.counts().get(PlanEntry.CONFLICT) + " conflicts";
    }

    /** https:// and file:// without a credential; ssh:// (a user name at most) with an SSH credential only. */
    private static String checkedUrl(String text, boolean withCredential) {
        if (text == null || text.isBlank() || text.length() > 1000) {
            throw new InvalidInputException("url", "is required, at most 1000 characters");
        }
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (withCredential != scheme.equals("ssh")) {
                throw new InvalidInputException("url", withCredential
                        ? "must be an ssh:// repository URL: a credential is an SSH key"
                        : "must be an https:// or file:// repository URL, or ssh:// with a credential");
            }
            if (!withCredential && !scheme.equals("https") && !scheme.equals("file")) {
                throw new InvalidInputException("url", "must be an https:// or file:// repository URL, or ssh:// with a credential");
            }
            if (uri.getRawUserInfo() != null && (!withCredential || uri.getRawUserInfo().contains(":"))) {
                throw new InvalidInputException("url", "must not carry a user name or password");
            }
            if (withCredential && (uri.getHost() == null || uri.getPath() == null || uri.getPath().isEmpty())) {
                throw new InvalidInputException("url", "must name a host and a repository, as in ssh://git@host/team/catalog.git");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "is not a URL: " + e.getReason());
        }
    }

    private static String checkedPath(String text) {
        String path = text == null ? "" : text.trim();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (path.startsWith("/") || ("/" + path + "/").contains("/../") || path.contains("\\") || path.length() > 500) {
            throw new InvalidInputException("path", "must be a folder inside the repository, without '..'");
        }
        return path.equals(".") ? "" : path;
    }
}
