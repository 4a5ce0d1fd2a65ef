package io.devops.platform.catalogsync;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Catalog as code: export the tree, plan or apply an import (ADMIN only: see SecurityConfig). */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogSyncController {

    static final MediaType GZIP = MediaType.parseMediaType("application/gzip");

    private final CatalogImport catalog;
    private final GitSourceService gitSources;
    private final ImportRecords records;

    CatalogSyncController(CatalogImport catalog, GitSourceService gitSources, ImportRecords records) {
        this.catalog = catalog;
        this.gitSources = gitSources;
        this.records = records;
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String include) {
        return ResponseEntity.ok().contentType(GZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"catalog.tar.gz\"")
                .body(catalog.export(Kinds.parse(include)));
    }

    /** 200 with the plan (applied unless {@code dryRun}); 409 with the plan when it has conflicts. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CatalogImport.Result> importTree(@RequestParam("file") MultipartFile file,
                                                    @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        try (InputStream archive = file.getInputStream()) {
            var files = TreeArchive.read(archive);
            CatalogImport.Result result = dryRun ? catalog.dryRun(files) : catalog.apply(files, ImportRecords.Origin.UPLOAD);
            return ResponseEntity.status(!dryRun && result.hasConflicts() ? HttpStatus.CONFLICT : HttpStatus.OK).body(result);
        }
    }

    @PostMapping("/git-sources")
    ResponseEntity<GitSources.GitSource> addGitSource(@RequestBody GitSourceService.Draft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(gitSources.create(draft));
    }

    /** 204; the versions it imported keep their commit ids. */
    @DeleteMapping("/git-sources/{id}")
    ResponseEntity<Void> removeGitSource(@PathVariable long id) {
        gitSources.remove(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/git-sources")
    List<GitSources.GitSource> gitSources() {
        return gitSources.list();
    }

    /**
     * 200 with the commit and its plan; with {@code apply=true&commit=<the commit whose plan was
     * approved>} the plan is applied (409 with the plan on conflicts, 409 when the branch moved).
     */
    @PostMapping("/git-sources/{id}/sync")
    ResponseEntity<GitSourceService.Synced> sync(@PathVariable long id, @RequestParam(defaultValue = "false") boolean apply,
                                                 @RequestParam(required = false) String commit) {
        GitSourceService.Synced synced = gitSources.sync(id, apply, commit);
        boolean refused = apply && synced.result().hasConflicts();
        return ResponseEntity.status(refused ? HttpStatus.CONFLICT : HttpStatus.OK).body(synced);
    }

    /** The versions applied imports made, newest first, with the commit each came from (of one item: kind and name). */
    @GetMapping("/imports")
    List<ImportRecords.Recorded> imports(@RequestParam(defaultValue = "100") int limit,
                                         @RequestParam(required = false) String kind,
                                         @RequestParam(required = false) String name) {
        return records.recent(Math.max(1, Math.min(limit, 1000)), blankAsNull(kind), blankAsNull(name));
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
