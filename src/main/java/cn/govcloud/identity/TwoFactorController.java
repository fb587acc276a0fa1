package cn.govcloud.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.govcloud.shared.ClientAddress;
import cn.govcloud.shared.CurrentUser;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.web.FormErrors;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second factor: the code page between password and session, and the person's own
 * enrolment (QR code drawn by GovCloud, recovery codes shown once).
 */
@Controller
class TwoFactorController {

	private final TwoFactor twoFactor;

	private final SecondFactorSignIn signIn;

	private final AddressLimit addresses;

	TwoFactorController(TwoFactor twoFactor, SecondFactorSignIn signIn, AddressLimit addresses) {
		this.twoFactor = twoFactor;
		this.signIn = signIn;
		this.addresses = addresses;
	}

	@GetMapping(SecondFactorFilter.CODE_PAGE)
	String codePage() {
		if (!CredentialsAuthenticationProvider.SECOND_FACTOR_PENDING.equals(SecondFactorFilter.pendingStep())) {
			return "redirect:/";
		}
		return "identity/code";
	}

	@PostMapping(SecondFactorFilter.CODE_PAGE)
	String code(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (!CredentialsAuthenticationProvider.SECOND_FACTOR_PENDING.equals(SecondFactorFilter.pendingStep())) {
			return "redirect:/";
		}
		String address = ClientAddress.current();
		if (this.addresses.blocked(address)) {
			model.addAttribute("failure", "login.limited");
			return "identity/code";
		}
		if (!this.twoFactor.verify(CurrentUser.get(), code)) {
			this.addresses.failed(address);
			model.addAttribute("failure", "twofactor.code.failed");
			return "identity/code";
		}
		this.signIn.complete(request, response);
		return "redirect:/";
	}

	@GetMapping(SecondFactorFilter.ENROL_PAGE)
	String enrolment(Model model) {
		GovCloudPrincipal who = CurrentUser.get();
		model.addAttribute("required", this.twoFactor.required(who));
		boolean enrolled = this.twoFactor.enrolled(who.userId());
		model.addAttribute("enrolled", enrolled);
		if (enrolled) {
			model.addAttribute("remaining", this.twoFactor.remainingRecoveryCodes(who.userId()));
		}
		else {
			this.twoFactor.pending(who).ifPresent((enrolment) -> model.addAttribute("secret", enrolment.grouped()));
		}
		return "identity/two-factor";
	}

	@PostMapping(SecondFactorFilter.ENROL_PAGE + "/start")
	String start() {
		this.twoFactor.start(CurrentUser.get());
		return "redirect:" + SecondFactorFilter.ENROL_PAGE;
	}

	@GetMapping(SecondFactorFilter.ENROL_PAGE + "/qr.svg")
	ResponseEntity<String> qrCode() {
		return this.twoFactor.pending(CurrentUser.get())
			.map((enrolment) -> ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.contentType(MediaType.valueOf("image/svg+xml"))
				.body(QrCodeSvg.of(enrolment.uri())))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@PostMapping(SecondFactorFilter.ENROL_PAGE + "/confirm")
	String confirm(@RequestParam(required = false) String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		List<String> codes;
		try {
			codes = this.twoFactor.confirm(CurrentUser.get(), code);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", FormErrors.messages(ex));
			return enrolment(model);
		}
		if (SecondFactorFilter.pendingStep() != null) {
			// The roles required two factors: a confirmed code completes this sign-in
			// too.
			this.signIn.complete(request, response);
		}
		model.addAttribute("recoveryCodes", codes);
		return "identity/recovery-codes";
	}

}
