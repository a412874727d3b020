using QppOrleans.Api.Errors;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Registration;

namespace QppOrleans.Api.Registration;

/// <summary>How a refusal of the registration core answers: its code and message, with the status and title the code stands for (API.md "Registration").</summary>
internal static class RegistrationProblems
{
    public static IResult For(Refusal refusal) => refusal.Code switch
    {
        "not-found" => ApiProblems.NotFound(refusal.Message),
        "forbidden" => ApiProblems.Problem(403, refusal.Code, "Not allowed.", refusal.Message),
        "precondition-failed" => ApiProblems.Problem(412, refusal.Code, "The registration changed.", refusal.Message),
        "confirmation-required" when refusal == RegistrationMessages.SizeChangeUnconfirmed => ApiProblems.Problem(409, refusal.Code, "Confirm Change in Size?", refusal.Message),
        "confirmation-required" => ApiProblems.Problem(409, refusal.Code, "Confirm the cancellation.", refusal.Message),
        "registration-closed" => ApiProblems.Problem(409, refusal.Code, "Registration is closed.", refusal.Message),
        "last-contact" => ApiProblems.Problem(409, refusal.Code, "The last contact cannot be deleted.", refusal.Message),
        "size-ineligible" => ApiProblems.Problem(409, refusal.Code, "The organization size does not qualify.", refusal.Message),
        "incomplete" => ApiProblems.Problem(409, refusal.Code, "Information is missing.", refusal.Message),
        "already-registered" => ApiProblems.Problem(409, refusal.Code, "Already registered.", refusal.Message),
        "not-registered" => ApiProblems.Problem(409, refusal.Code, "Not registered.", refusal.Message),
        "program-not-offered" => ApiProblems.Problem(409, refusal.Code, "The program is not offered.", refusal.Message),
        "too-many-contacts" => ApiProblems.Problem(409, refusal.Code, "Too many contacts.", refusal.Message),
        _ => ApiProblems.Problem(409, refusal.Code, "The change conflicts with the registration.", refusal.Message),
    };
}
