package cn.govcloud.systems;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/systems")
@Tag(name = "Application systems")
class OverviewApi {

	private final SystemOverview overview;

	private final DataScopes scopes;

	OverviewApi(SystemOverview overview, DataScopes scopes) {
		this.overview = overview;
		this.scopes = scopes;
	}

	@GetMapping("/overview")
	@Allowed(Permission.OVERSEE_CITY)
	@Operation(summary = "The Commission's view: systems per unit by hosting status, overdue migrations "
			+ "(city date), systems without a security officer or a classified-protection level (at most 500 each)")
	RegisterOverview overview() {
		return this.overview.overview(this.scopes.current());
	}

}
