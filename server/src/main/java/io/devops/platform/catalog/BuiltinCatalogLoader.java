package io.devops.platform.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * At every start, loads the built-in catalog (shipped in the jar under {@code content/}) into the
 * database: roles with their files as a version, and variables, then operators, shells and
 * templates. A built-in role whose newest files are the platform's own gets a new version when the
 * jar's files differ (operators keep the version they pinned); files a user uploaded are never
 * replaced. Roles whose files an older release kept in the roles directory get them imported as
 * their first version. Only what is missing is added: an operator, shell or template
 * is created once, when no version of any name-sake ever existed, so a user's later versions,
 * renames and deletions are never undone. Instances starting together load it once, under a lock.
 */
@Component
class BuiltinCatalogLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BuiltinCatalogLoader.class);
    private static final String ROLES = "content/roles/";

    private final RoleFileCache cache;
    private final RoleVersions versions;
    private final Roles roles;
    private final Variables variables;
    private final RoleCatalog catalog;
    private final Operators operators;
    private final OperatorCatalog operatorCatalog;
    private final Shells shells;
    private final ShellCatalog shellCatalog;
    private final Templates templates;
    private final TemplateCatalog templateCatalog;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    BuiltinCatalogLoader(RoleFileCache cache, RoleVersions versions, Roles roles, Variables variables, RoleCatalog catalog, Operators operators,
                         OperatorCatalog operatorCatalog, Shells shells, ShellCatalog shellCatalog, Templates templates,
                         TemplateCatalog templateCatalog, TransactionTemplate transactions, JsonMapper json) {
        this.cache = cache;
        this.versions = versions;
        this.roles = roles;
        this.variables = variables;
        this.catalog = catalog;
        this.operators = operators;
        this.operatorCatalog = operatorCatalog;
        this.shells = shells;
        this.shellCatalog = shellCatalog;
        this.templates = templates;
        this.templateCatalog = templateCatalog;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Map<String, RoleContent> shipped = shippedRoleFiles();
        BuiltinContent content = readContent();
        for (BuiltinContent.RoleEntry role : content.roles()) {
            try {
                transactions.executeWithoutResult(status -> loadRole(role, shipped.get(role.name())));
            } catch (DataIntegrityViolationException e) {
                log.info("Built-in role {} was loaded by another instance at the same time", role.name());
            }
        }
        for (long roleId : versions.rolesWithoutFiles()) {
            transactions.executeWithoutResult(status -> importLegacyFolder(roleId));
        }
        // READ COMMITTED: after waiting for the lock, see what another instance just loaded (under
        // MySQL's REPEATABLE READ the snapshot would predate its commit and we would load it twice).
        TransactionTemplate readCommitted = new TransactionTemplate(transactions.getTransactionManager());
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        try {
            readCommitted.executeWithoutResult(status -> loadBuildingBlocks(content));
        } catch (DataIntegrityViolationException e) {
            log.info("Another instance loaded the built-in catalog at the same time; checking again");
            readCommitted.executeWithoutResult(status -> loadBuildingBlocks(content));
        }
    }

    /** The files of each built-in role in the jar, by role name. */
    private Map<String, RoleContent> shippedRoleFiles() throws IOException {
        Map<String, List<RoleContent.Entry>> byRole = new TreeMap<>();
        var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
        for (Resource resource : resolver.getResources("classpath*:" + ROLES + "**")) {
            String url = resource.getURL().toString();
            int at = url.lastIndexOf(ROLES);
            if (at < 0 || url.endsWith("/") || !resource.isReadable() || isDirectory(resource)) {
                continue;
            }
            String path = url.substring(at + ROLES.length());
            int slash = path.indexOf('/');
            try (InputStream in = resource.getInputStream()) {
                byRole.computeIfAbsent(path.substring(0, slash), k -> new ArrayList<>())
                        .add(RoleContent.Entry.file(path.substring(slash + 1), in.readAllBytes()));
            }
        }
        Map<String, RoleContent> contents = new TreeMap<>();
        byRole.forEach((role, entries) -> contents.put(role, new RoleContent(entries)));
        return contents;
    }

    private static boolean isDirectory(Resource resource) {
        try {
            return resource.isFile() && resource.getFile().isDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    private BuiltinContent readContent() throws IOException {
        Resource resource = new PathMatchingResourcePatternResolver().getResource("classpath:content/catalog.yml");
        if (!resource.exists()) {
            return new BuiltinContent(List.of(), List.of(), List.of(), List.of());
        }
        try (InputStream in = resource.getInputStream()) {
            Map<String, Object> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return json.convertValue(raw, BuiltinContent.class);
        }
    }

    private void loadRole(BuiltinContent.RoleEntry entry, RoleContent shipped) {
        CatalogRole role = roles.byName(entry.name())
                .orElseGet(() -> catalog.create(entry.name(), entry.description(), CatalogRole.BUILTIN));
        roles.lock(role.id());
        if (shipped != null) {
            loadRoleFiles(roles.byId(role.id()).orElseThrow(), shipped);
        }
        // A built-in role without reports gets the declared ones (also in databases loaded before
        // roles had reports); reports a user set are never replaced.
        if (!entry.reports().isEmpty() && CatalogRole.BUILTIN.equals(role.source())
                && catalog.details(role.id()).reports().isEmpty()) {
            catalog.setReports(role.id(), entry.reports(), BasedOn.ANY);
        }
        List<Variable> existing = variables.ofRole(role.id());
        for (BuiltinContent.VariableEntry variable : entry.variables()) {
            if (existing.stream().noneMatch(v -> v.name().equals(variable.name()))) {
                catalog.addVariable(role.id(), variable.draft().toVariable(role.id()), BasedOn.ANY);
            }
        }
    }

    /**
     * The jar's files become the role's first version (or the files an older release kept for it,
     * local edits included), and its next version when they changed and the newest version is the
     * platform's own.
     */
    private void loadRoleFiles(CatalogRole role, RoleContent shipped) {
        RoleVersion head = versions.head(role.id()).orElse(null);
        if (head == null && cache.legacyFolder(role.name()).isPresent()) {
            importLegacyFolder(role.id());
        } else if (head == null || CatalogRole.BUILTIN.equals(head.source()) && CatalogRole.BUILTIN.equals(role.source())
                && !head.hash().equals(shipped.hash())) {
            RoleVersion added = catalog.addVersion(role, shipped, CatalogRole.BUILTIN);
            log.info("Built-in role {} has the files of this release as version {}", role.name(), added.version());
        }
    }

    /** Files an older release kept in the roles directory become the role's first version. */
    private void importLegacyFolder(long roleId) {
        roles.lock(roleId);
        CatalogRole role = roles.byId(roleId).orElseThrow();
        if (versions.head(roleId).isPresent()) {
            return;
        }
        cache.legacyFolder(role.name()).ifPresent(folder -> {
            RoleVersion added = catalog.addVersion(role, RoleContent.read(folder), RoleVersion.IMPORTED);
            log.info("Imported the files of role {} from {} as version {}", role.name(), folder, added.version());
        });
    }

    private void loadBuildingBlocks(BuiltinContent content) {
        content.roles().stream().findFirst().flatMap(first -> roles.byName(first.name()))
                .ifPresent(first -> roles.lock(first.id()));
        content.operators().forEach(this::loadOperator);
        for (ShellDraft shell : content.shells()) {
            if (!shells.everNamed(shell.name())) {
                shellCatalog.create(shell);
                log.info("Loaded the built-in shell {}", shell.name());
            }
        }
        content.templates().forEach(this::loadTemplate);
    }

    private void loadOperator(BuiltinContent.OperatorEntry entry) {
        if (operators.everNamed(entry.name())) {
            return;
        }
        CatalogRole role = roles.byName(entry.role()).filter(r -> !r.deleted()).orElse(null);
        if (role == null) {
            log.warn("Built-in operator {} not loaded: its role {} does not exist or was deleted", entry.name(), entry.role());
            return;
        }
        Operator current = null;
        for (BuiltinContent.OperatorVersion version : entry.versions()) {
            var draft = new OperatorDraft(role.id(), entry.pkgVersion(), entry.name(), entry.description(), version.values());
            current = current == null ? operatorCatalog.create(draft) : operatorCatalog.update(current.id(), draft, BasedOn.ANY);
        }
        log.info("Loaded the built-in operator {} ({} version(s))", entry.name(), entry.versions().size());
    }

    private void loadTemplate(BuiltinContent.TemplateEntry entry) {
        if (templates.everNamed(entry.name())) {
            return;
        }
        List<TemplateDraft.StepDraft> steps = new ArrayList<>();
        for (BuiltinContent.StepEntry step : entry.steps()) {
            Optional<Long> id = step.operator() != null ? operators.headNamed(step.operator()) : shells.headNamed(step.shell());
            if (id.isEmpty()) {
                log.warn("Built-in template {} not loaded: its step {} names no current operator or shell", entry.name(),
                        step.operator() != null ? step.operator() : step.shell());
                return;
            }
            steps.add(step.operator() != null
                    ? new TemplateDraft.StepDraft("operator", id.get(), null, null, null)
                    : new TemplateDraft.StepDraft("script", null, id.get(),
                            step.params() == null ? Map.of() : step.params(), step.dispatch()));
        }
        templateCatalog.create(new TemplateDraft(entry.name(), entry.description(), steps));
        log.info("Loaded the built-in template {}", entry.name());
    }
}
