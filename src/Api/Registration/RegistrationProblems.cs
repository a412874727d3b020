using Microsoft.AspNetCore.Http.HttpResults;
using QppOrleans.Api.Errors;
using QppOrleans.Grains.Abstractions.Registration;
using RegistrationRules = QppOrleans.Grains.Registration.Registration;

namespace QppOrleans.Api.Registration;

/// <summary>Each refusal's status, code and message (API.md "Registration").</summary>
internal static class RegistrationProblems
{
    public static ProblemHttpResult For(RegistrationError error, int performanceYear, string? program = null) => error switch
    {
        RegistrationError.NotSecurityOfficial => ApiProblems.Problem(403, "forbidden", "Not allowed.", "Only a Security Official of this organization may submit, modify or cancel its registration (R-1)."),
        RegistrationError.Closed => ApiProblems.Problem(409, "registration-closed", "Registration is closed.", $"The {performanceYear} registration period is not open: nothing can be submitted, modified or cancelled (R-2)."),
        RegistrationError.ConfirmationRequired when program is null => ApiProblems.Problem(409, "confirmation-required", "Confirm Change in Size?", RegistrationRules.SizeChangeWarning),
        RegistrationError.ConfirmationRequired => ApiProblems.Problem(409, "confirmation-required", "Confirm the cancellation.", "Cancelling a registration needs confirmation: repeat the request with confirm=true (R-8)."),
        RegistrationError.LastContact => ApiProblems.Problem(409, "last-contact", "The last contact cannot be deleted.", "A registration keeps at least one contact. Edit this contact instead of deleting it (R-6)."),
        RegistrationError.SizeIneligible => ApiProblems.Problem(409, "size-ineligible", "The organization size does not qualify.", "The CMS Web Interface needs 25 or more clinicians, the CAHPS for MIPS Survey 2 or more; set the organization's size first (R-3)."),
        RegistrationError.Incomplete => ApiProblems.Problem(409, "incomplete", "Information is missing.", "Complete the organization information (name, address, city, state, ZIP) and add at least one contact before registering (R-5, R-6)."),
        RegistrationError.AlreadyRegistered => ApiProblems.Problem(409, "already-registered", "Already registered.", "The organization is already registered for this program."),
        RegistrationError.NotRegistered => ApiProblems.Problem(409, "not-registered", "Not registered.", "The organization is not registered for this program."),
        RegistrationError.ProgramNotOffered => ApiProblems.Problem(409, "program-not-offered", "The program is not offered.", $"Performance year {performanceYear} does not offer this program (R-15)."),
        RegistrationError.TooManyContacts => ApiProblems.Problem(409, "too-many-contacts", "Too many contacts.",
            "This registration has as many contacts as it may hold. Edit or delete one before adding another."),
        RegistrationError.NoSuchContact => ApiProblems.NotFound("There is no such contact on this registration."),
        RegistrationError.VersionMismatch => ApiProblems.Problem(412, "precondition-failed", "The registration changed.", "The registration changed since you read it (If-Match). Read it again and retry."),
        _ => ApiProblems.NotFound("There is no such registration."),
    };
}
