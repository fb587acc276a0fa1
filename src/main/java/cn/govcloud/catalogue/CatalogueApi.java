package cn.govcloud.catalogue;

import java.util.List;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/catalogue/kinds")
@Tag(name = "Catalogue", description = "Resource kinds with their spec fields and ranges (Art. 6)")
class CatalogueApi {

	private final ResourceKinds kinds;

	CatalogueApi(ResourceKinds kinds) {
		this.kinds = kinds;
	}

	@GetMapping
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "The catalogue; retired kinds only when asked for")
	List<ResourceKind> list(@RequestParam(defaultValue = "false") boolean includeRetired) {
		return includeRetired ? this.kinds.all() : this.kinds.offered();
	}

	@GetMapping("/{code}")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "One resource kind")
	ResourceKind get(@PathVariable String code) {
		return this.kinds.get(code);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.KEEP_CATALOGUE)
	@Operation(summary = "Add a kind, e.g. a new cloud security service (Commission manager)")
	ResourceKind add(@Valid @RequestBody ResourceKindForm form) {
		return this.kinds.add(form);
	}

	@PostMapping("/{code}/retire")
	@Allowed(Permission.KEEP_CATALOGUE)
	@Operation(summary = "Stop offering a kind; records that use it keep it")
	ResourceKind retire(@PathVariable String code) {
		return this.kinds.retire(code, true);
	}

	@PostMapping("/{code}/reinstate")
	@Allowed(Permission.KEEP_CATALOGUE)
	@Operation(summary = "Offer a retired kind again")
	ResourceKind reinstate(@PathVariable String code) {
		return this.kinds.retire(code, false);
	}

}
