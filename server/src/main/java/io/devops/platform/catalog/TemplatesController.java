package io.devops.platform.catalog;

import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.util.List;
import io.devops.platform.identity.TenantAware;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/templates")
class TemplatesController {

    private final TemplateCatalog catalog;
    private final Templates templates;

    TemplatesController(TemplateCatalog catalog, Templates templates) {
        this.catalog = catalog;
        this.templates = templates;
    }

    @GetMapping
    @TenantAware
    PageResult<TemplateView> list(@RequestParam(required = false) String name,
                                  @RequestParam(defaultValue = "false") boolean allVersions,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) String sort) {
        return templates.page(name, allVersions, PageQuery.of(page, size, sort, "name,asc")).map(catalog::view);
    }

    @GetMapping("/{id}")
    @TenantAware
    TemplateView get(@PathVariable long id) {
        return catalog.get(id);
    }

    @GetMapping("/{id}/versions")
    @TenantAware
    List<TemplateView> versions(@PathVariable long id) {
        return templates.lineage(catalog.get(id).originalTemplateId()).stream().map(catalog::view).toList();
    }

    /** The internal tasks this version compiled into (the UI calls them steps). */
    @GetMapping("/{id}/plan")
    @TenantAware
    TemplatePlan plan(@PathVariable long id) {
        return catalog.plan(id).orElseThrow(() -> new NotFoundException("Template", id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TemplateView create(@RequestBody TemplateDraft draft) {
        return catalog.create(draft);
    }

    @PutMapping("/{id}")
    TemplateView update(@PathVariable long id, @RequestBody TemplateDraft draft,
                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return catalog.update(id, draft, BasedOn.ifMatch(ifMatch));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        catalog.delete(id, BasedOn.ifMatch(ifMatch));
    }
}
