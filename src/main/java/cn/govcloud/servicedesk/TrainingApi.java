package cn.govcloud.servicedesk;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import cn.govcloud.servicedesk.TrainingSession.Form;
import cn.govcloud.servicedesk.TrainingSession.Material;
import cn.govcloud.servicedesk.TrainingSession.Signup;
import cn.govcloud.servicedesk.TrainingSession.UnitCount;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FileDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/trainings")
@Tag(name = "Trainings", description = "The supplier's training sessions for the units (Art. 11)")
class TrainingApi {

	private final Trainings trainings;

	private final DataScopes scopes;

	TrainingApi(Trainings trainings, DataScopes scopes) {
		this.trainings = trainings;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_TICKETS)
	@Operation(summary = "The sessions of a year (this year by default), soonest first")
	List<TrainingSession> year(@RequestParam(required = false) Integer year) {
		return this.trainings.year(yearOr(year));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.KEEP_TRAININGS)
	@Operation(summary = "Plan a session (supplier)")
	TrainingSession plan(@RequestBody Form form) {
		return this.trainings.plan(this.scopes.current(), form);
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_TICKETS)
	@Operation(summary = "A session")
	TrainingSession get(@PathVariable UUID id) {
		return this.trainings.find(id);
	}

	@GetMapping("/{id}/signups")
	@Allowed(Permission.READ_TICKETS)
	@Operation(summary = "Who signed up: everyone for the supplier and the Commission, a unit its own people")
	List<Signup> signups(@PathVariable UUID id) {
		return this.trainings.signups(this.scopes.current(), id);
	}

	@PostMapping("/{id}/signups")
	@Allowed(Permission.SIGN_UP_FOR_TRAINING)
	@Operation(summary = "Sign a person of the unit up (the caller by default); 409 when full or signed up already")
	TrainingSession signUp(@PathVariable UUID id, @RequestBody(required = false) SignupForm form) {
		return this.trainings.signUp(this.scopes.current(), id, (form != null) ? form.userId() : null);
	}

	@PostMapping("/{id}/attendance")
	@Allowed(Permission.KEEP_TRAININGS)
	@Operation(summary = "Record who attended; the session is then held (supplier)")
	TrainingSession attendance(@PathVariable UUID id, @RequestBody AttendanceForm form) {
		return this.trainings.recordAttendance(this.scopes.current(), id, form.attended());
	}

	@PostMapping("/{id}/cancel")
	@Allowed(Permission.KEEP_TRAININGS)
	@Operation(summary = "Cancel a planned session (supplier)")
	TrainingSession cancel(@PathVariable UUID id) {
		return this.trainings.cancel(this.scopes.current(), id);
	}

	@PostMapping("/{id}/materials")
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.KEEP_TRAININGS)
	@Operation(summary = "Attach a material (PDF, Word, Excel or an image, checked by content; at most 20 MB)")
	Material attach(@PathVariable UUID id, @RequestPart("file") MultipartFile file) throws IOException {
		return this.trainings.attach(this.scopes.current(), id, file.getOriginalFilename(), file.getBytes());
	}

	@GetMapping("/{id}/materials/{materialId}")
	@Allowed(Permission.READ_TICKETS)
	@Operation(summary = "Download a material")
	ResponseEntity<byte[]> material(@PathVariable UUID id, @PathVariable UUID materialId) {
		Material material = this.trainings.materials(id)
			.stream()
			.filter((m) -> m.id().equals(materialId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("material", materialId));
		byte[] content = this.trainings.material(id, materialId).orElseThrow();
		return FileDownloads.of(material.fileName(), material.contentType(), content);
	}

	@PostMapping("/{id}/rating")
	@Allowed(Permission.SIGN_UP_FOR_TRAINING)
	@Operation(summary = "Rate a held session once (its attendees)")
	void rate(@PathVariable UUID id, @RequestBody RatingForm form) {
		this.trainings.rate(this.scopes.current(), id, form.stars(), form.comment());
	}

	@GetMapping("/counts")
	@Allowed(Permission.READ_TICKETS)
	@Operation(summary = "Per unit: sessions attended, people signed up and attended in a year")
	List<UnitCount> counts(@RequestParam(required = false) Integer year) {
		return this.trainings.countsByUnit(this.scopes.current(), yearOr(year));
	}

	static int yearOr(Integer year) {
		return (year != null && year >= 2000 && year <= 2999) ? year : CityTime.today().getYear();
	}

	record SignupForm(UUID userId) {
	}

	record AttendanceForm(List<UUID> attended) {
	}

	record RatingForm(Integer stars, String comment) {
	}

}
