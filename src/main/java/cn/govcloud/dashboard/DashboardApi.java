package cn.govcloud.dashboard;

import java.util.List;

import cn.govcloud.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Dashboard")
class DashboardApi {

	private final Dashboard dashboard;

	DashboardApi(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/api/v1/dashboard")
	@Operation(summary = "The figures of the caller's dashboard")
	List<Figure> figures() {
		return this.dashboard.figuresFor(CurrentUser.get());
	}

}
