package cn.govcloud.identity;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.govcloud.shared.CurrentUser;
import cn.govcloud.shared.GovCloudPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Account", description = "The caller's own account: who am I, password, personal API tokens")
class AccountApi {

	private final ApiTokens tokens;

	private final PasswordChange passwordChange;

	AccountApi(ApiTokens tokens, PasswordChange passwordChange) {
		this.tokens = tokens;
		this.passwordChange = passwordChange;
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in person, organisation and roles")
	GovCloudPrincipal me() {
		return CurrentUser.get();
	}

	@PostMapping("/account/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change one's own password (policy of 等保 level 3)")
	void changePassword(@RequestBody PasswordChangeForm form, HttpServletRequest request,
			HttpServletResponse response) {
		this.passwordChange.change(form, request, response);
	}

	@GetMapping("/account/tokens")
	@Operation(summary = "One's personal API tokens, with last use; never the secrets")
	List<ApiToken> tokens() {
		return this.tokens.list(CurrentUser.get());
	}

	@PostMapping("/account/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a personal API token; the secret is in this answer only")
	CreatedApiToken create(@RequestBody TokenRequest request) {
		return this.tokens.create(CurrentUser.get(), request.name(), request.validDays());
	}

	@DeleteMapping("/account/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke one of one's tokens")
	void revoke(@PathVariable UUID id) {
		this.tokens.revoke(CurrentUser.get(), id);
	}

	record TokenRequest(String name, Integer validDays) {
	}

}
