"""The words of the sample Tasklane tickets: recurring questions, one-off tickets, conversation pieces.

This is data, not logic. `make_sample_export.py` turns it into a Zendesk export.

Each topic lists, per language, how customers ask (`P(subject, body, answer=..., after=...)`) and
the replies agents give (`answers`, keyed by name). A phrasing's `answer` names the reply that
fits it; phrasings without one get one of the topic's `generic_answers`. `after` keeps a phrasing
(and `answer_after` keeps an answer) from appearing in tickets created before that date.

Placeholders in braces are filled per ticket by the generator:
  {email} {phone} {company} {address} {colleague} {colleague_email} {old_email} {new_email}
  {invoice} {invoice2} {po} {amount} {card4} {seats} {date} {end_date} {last_month}
  {this_month} {device} {app_version} {fake_password} {test_card} {iban}
Everything fictional; the support address and phone are Tasklane's own public contacts.
"""

from __future__ import annotations

from textwrap import dedent
from typing import NamedTuple


class P(NamedTuple):
    """One way a customer asks a recurring question."""

    subject: str
    body: str
    answer: str | None = None  # key of the reply that fits; None: one of the topic's generic answers
    after: str | None = None  # ISO date: only in tickets created on or after it


def T(text: str) -> str:
    """Multi-line text written indented in this file."""
    return dedent(text).strip("\n")


# ---------------------------------------------------------------------------------------------
# Recurring questions
# ---------------------------------------------------------------------------------------------

TOPICS: list[dict] = []

TOPICS.append({
    "key": "reset_password",
    "group": "Account",
    "tags": ["password", "login"],
    "type": "problem",
    "priority": {"normal": 6, "high": 3, "urgent": 1},
    "tickets": {"en": 26, "nl": 12, "sv": 7},
    "generic_answers": ["standard", "standard", "scanner"],
    "phrasings": {
        "en": [
            P("Password reset link expired", "I asked for a password reset twice this morning and both times the link says it has expired when I click it. I clicked it within a minute or two of getting the email. What am I doing wrong?", "scanner"),
            P("Can't log in", "I can't log in anymore. It keeps telling me my password is wrong but I'm 100% sure it's right, I use a password manager. I tried 'forgot password' but no email ever arrived. Checked spam too."),
            P("reset link not working!!!", "This is the THIRD time I've requested a reset link and every single one says \"This link is invalid or has expired\". I have a client presentation at 2pm and all my notes are in Tasklane. Please sort this out ASAP.", "scanner"),
            P("forgot password", "forgot my password, how do i reset it? theres no button in the app"),
            P("Locked out of my account", "I think I've locked myself out after too many attempts - now it just says 'Too many attempts, try again later'. How long do I have to wait? Can you reset it for me instead?", "lockout"),
            P("Password reset email never arrives", "Our new starter {colleague} ({colleague_email}) is trying to reset her password but the email just never arrives. We're on Microsoft 365. Could it be getting blocked on our side? What address does it come from so IT can whitelist it?"),
            P("Reset password", "I need to change my password because I think it was part of a breach on another site. I'm logged in on my laptop at the moment but I can't find where to change it."),
            P("Link expired immediately", "Every time I click the reset link in the email I get 'expired'. My IT guy says our mail filter (Mimecast) scans all the links in incoming emails. Could that be it?", "scanner"),
            P("I signed up with Google, now what", "I'm trying to reset my password but it says there's no password set for my account?? I think I originally signed up with my Google account. I just want to log in on the mobile app.", "google"),
            P("login problem", "My password stopped working after I changed it yesterday. I've tried the old one and the new one, neither works. The reset email comes through but the page it opens is blank."),
            P("Help - cannot access Tasklane", "Morning. I haven't used Tasklane for a few months and I've completely forgotten my password. The reset email arrives but the link goes to a page saying \"Something went wrong\". I'm using Safari on a Mac if that helps."),
            P("Password not accepted", "My current password is {fake_password} and it's being rejected on the login page. I've checked caps lock and typed it out slowly. Nothing's changed on my side."),
            P("reset pw", "reset link says expired. requested it 5 min ago. pls help", "scanner"),
            P("Unable to set new password", "When I pick a new password the reset page says \"Password does not meet requirements\" but doesn't say what the requirements ARE. I've tried about ten different ones now. What are the rules?", "lockout"),
        ],
        "nl": [
            P("Wachtwoord vergeten", "Ik kan niet meer inloggen. Ik heb op 'wachtwoord vergeten' geklikt maar de link in de mail zegt steeds dat hij verlopen is. Wat moet ik doen?", "scanner"),
            P("Inloggen lukt niet", "Sinds vanochtend kan ik niet meer inloggen, mijn wachtwoord wordt niet geaccepteerd. Ik heb een resetmail aangevraagd maar die komt niet aan, ook niet in de spamfolder."),
            P("resetlink werkt niet", "Al drie keer een nieuwe link aangevraagd en elke keer 'Deze link is ongeldig of verlopen'. Ik word hier echt gek van, ik moet vandaag nog de planning naar een klant sturen.", "scanner"),
            P("wachtwoord", "hoe kan ik mijn wachtwoord wijzigen? ik zie het nergens in de app"),
            P("Account geblokkeerd?", "Ik heb een paar keer het verkeerde wachtwoord ingevuld en nu staat er 'Te veel pogingen'. Hoe lang duurt dat? Kunnen jullie mijn account niet gewoon vrijgeven?", "lockout"),
            P("Resetmail komt niet aan bij collega", "Mijn collega {colleague} ({colleague_email}) probeert haar wachtwoord opnieuw in te stellen maar ontvangt geen e-mail. Wij gebruiken Microsoft 365, wordt jullie mail misschien tegengehouden? Van welk adres komt die mail?"),
            P("Link direct verlopen", "Als ik op de link in de mail klik staat er meteen dat hij verlopen is, terwijl ik hem net heb ontvangen. Onze ICT-afdeling zegt dat de mailscanner alle links opent. Kan het daaraan liggen?", "scanner"),
            P("Geen wachtwoord?", "Ik wil mijn wachtwoord resetten maar ik krijg de melding dat er geen wachtwoord bij mijn account hoort. Ik denk dat ik me destijds met Google heb aangemeld. Hoe kom ik nu in de app?", "google"),
            P("Nieuw wachtwoord wordt niet geaccepteerd", "Bij het kiezen van een nieuw wachtwoord krijg ik steeds 'Wachtwoord voldoet niet aan de eisen'. Welke eisen zijn dat dan? Ik heb er al tien geprobeerd.", "lockout"),
            P("Dringend: kan niet inloggen", "Ik heb via de resetlink een nieuw wachtwoord ingesteld, maar op mijn laptop word ik steeds uitgelogd en daar werkt het nieuwe wachtwoord niet. Ik heb om 11 uur een overleg met een opdrachtgever, graag snel reactie."),
            P("inloggen", "Ben mn wachtwoord kwijt en de mail om het te resetten geeft een lege pagina in Safari. Op mn telefoon geprobeerd, zelfde probleem."),
            P("Wachtwoord klopt niet meer", "Mijn wachtwoord is {fake_password} en dat heb ik nooit veranderd, maar het wordt ineens niet meer geaccepteerd. Hebben jullie iets aangepast?"),
        ],
        "sv": [
            P("Glömt lösenordet", "Jag har glömt mitt lösenord och länken i mejlet säger att den har gått ut fast jag klickade direkt. Vad gör jag för fel?", "scanner"),
            P("Kan inte logga in", "Jag kommer inte in på mitt konto längre. Har begärt nytt lösenord två gånger men inget mejl kommer, inte i skräpposten heller."),
            P("Återställningslänken fungerar inte", "Länken för att återställa lösenordet ger bara 'Länken är ogiltig eller har gått ut'. Vi kör Outlook på jobbet, kan det vara vårt spamfilter som ställer till det?", "scanner"),
            P("lösenord", "hur byter jag lösenord i appen? hittar inte var"),
            P("För många försök", "Jag skrev fel lösenord några gånger och nu står det att jag har gjort för många försök. Hur länge måste jag vänta? Det är ganska bråttom.", "lockout"),
            P("Inget lösenord på kontot?", "När jag försöker återställa lösenordet får jag veta att kontot inte har något lösenord. Jag tror att jag registrerade mig med Google. Hur loggar jag in i mobilappen då?", "google"),
            P("Nytt lösenord godkänns inte", "Jag försöker välja ett nytt lösenord men får hela tiden 'Lösenordet uppfyller inte kraven'. Vilka är kraven? Har testat massor.", "lockout"),
            P("Kollega får inget mejl", "Min kollega {colleague} ({colleague_email}) får inget mejl när hon försöker återställa sitt lösenord. Från vilken adress skickas det, så att vi kan vitlista den?"),
        ],
    },
    "answers": {
        "en": {
            "standard": T("""
                You can reset your password yourself from the sign-in page:

                1. Go to https://tasklane.example/login and click "Forgot password?".
                2. Enter the email address you use for Tasklane and click "Send reset link".
                3. Open the email from Tasklane (it comes from no-reply@tasklane.example) and click "Choose a new password". The link works for 30 minutes, and only the most recent link is valid - requesting a new one cancels the older ones.
                4. Choose a new password of at least 10 characters and sign in.

                If the email hasn't arrived after 5 minutes, please check your spam or junk folder. If your company uses Microsoft 365 or Google Workspace, your IT team can add no-reply@tasklane.example to the allowed senders.
            """),
            "scanner": T("""
                It sounds like the link is being "used up" before you get to click it. Some company email filters (Mimecast, Microsoft Defender Safe Links and similar) open every link in an incoming email to check it for viruses. Because a reset link only works once, the filter's visit makes it expire.

                Here's how to get around it:

                1. Request one new reset link (each new request cancels the previous one, so only request it once).
                2. Don't click the link - right-click it, copy it and paste it into a private or incognito browser window.
                3. Choose your new password and sign in.

                If it still says expired, you can reset your password in the mobile app instead: tap "Forgot password?" on the sign-in screen and choose "Email me a code instead". You'll get a 6-digit code rather than a link, which filters can't use up. It's also worth asking your IT team to exclude tasklane.example from link scanning.
            """),
            "google": T("""
                Your account was created with "Continue with Google", so there's no separate Tasklane password to reset - you sign in with your Google account instead.

                1. On the sign-in screen (web or mobile app), tap "Continue with Google".
                2. Choose the Google account you signed up with.
                3. If you'd like to have a Tasklane password as well, go to Settings > Profile > Password once you're signed in and click "Set a password".

                After that you can sign in either way.
            """),
            "lockout": T("""
                After 5 unsuccessful sign-in attempts we lock sign-in for 15 minutes to protect your account. The lock lifts by itself - there's nothing we need to reset on our side.

                Once the 15 minutes are up:

                1. Go to https://tasklane.example/login and click "Forgot password?" rather than trying your old password again.
                2. Open the reset email and click "Choose a new password".
                3. Pick a password that's at least 10 characters long and isn't one of your previous three passwords. We also reject passwords that appear in known data breaches, which is why common ones like "Summer2026!" are refused.

                A password manager or a short sentence of four or five words usually works well.
            """),
        },
        "nl": {
            "standard": T("""
                Je kunt je wachtwoord zelf opnieuw instellen via de inlogpagina:

                1. Ga naar https://tasklane.example/login en klik op "Wachtwoord vergeten?".
                2. Vul het e-mailadres in waarmee je inlogt bij Tasklane en klik op "Resetlink versturen".
                3. Open de e-mail van Tasklane (afzender no-reply@tasklane.example) en klik op "Nieuw wachtwoord kiezen". De link is 30 minuten geldig en alleen de laatst verstuurde link werkt; een nieuwe aanvraag maakt de oude ongeldig.
                4. Kies een nieuw wachtwoord van minimaal 10 tekens en log in.

                Zie je de mail na 5 minuten nog niet? Kijk dan even in je map met ongewenste e-mail. Gebruiken jullie Microsoft 365 of Google Workspace, dan kan je ICT-afdeling no-reply@tasklane.example als veilige afzender toevoegen.
            """),
            "scanner": T("""
                Waarschijnlijk wordt de link al "gebruikt" voordat jij erop klikt. Sommige mailfilters (zoals Mimecast of Microsoft Defender Safe Links) openen alle links in een binnenkomende e-mail om ze te controleren. Omdat een resetlink maar één keer werkt, is hij daarna verlopen.

                Zo los je het op:

                1. Vraag één nieuwe resetlink aan (elke nieuwe aanvraag maakt de vorige ongeldig).
                2. Klik niet op de link, maar kopieer hem (rechtermuisknop > Link kopiëren) en plak hem in een privévenster van je browser.
                3. Kies je nieuwe wachtwoord en log in.

                Werkt het dan nog steeds niet, gebruik dan de app: tik op het inlogscherm op "Wachtwoord vergeten?" en kies "Stuur me een code". Je krijgt dan een code van 6 cijfers in plaats van een link. Het is ook handig om je ICT-afdeling te vragen tasklane.example uit te zonderen van de linkscan.
            """),
            "google": T("""
                Je account is aangemaakt met "Doorgaan met Google". Daarom is er geen apart Tasklane-wachtwoord om te resetten; je logt in met je Google-account.

                1. Tik op het inlogscherm (web of app) op "Doorgaan met Google".
                2. Kies het Google-account waarmee je je hebt aangemeld.
                3. Wil je daarnaast een eigen Tasklane-wachtwoord? Ga dan na het inloggen naar Instellingen > Profiel > Wachtwoord en klik op "Wachtwoord instellen".

                Daarna kun je op allebei de manieren inloggen.
            """),
            "lockout": T("""
                Na 5 mislukte inlogpogingen blokkeren we het inloggen 15 minuten, om je account te beschermen. De blokkade verdwijnt vanzelf; wij hoeven niets vrij te geven.

                Na die 15 minuten:

                1. Ga naar https://tasklane.example/login en klik op "Wachtwoord vergeten?" in plaats van het oude wachtwoord nog eens te proberen.
                2. Open de resetmail en klik op "Nieuw wachtwoord kiezen".
                3. Kies een wachtwoord van minimaal 10 tekens dat niet een van je vorige drie wachtwoorden is. We weigeren ook wachtwoorden die in bekende datalekken voorkomen; daarom wordt bijvoorbeeld "Zomer2026!" niet geaccepteerd.

                Een wachtwoordmanager of een korte zin van vier of vijf woorden werkt meestal prima.
            """),
        },
        "sv": {
            "standard": T("""
                Du kan återställa lösenordet själv från inloggningssidan:

                1. Gå till https://tasklane.example/login och klicka på "Glömt lösenordet?".
                2. Ange e-postadressen du loggar in med och klicka på "Skicka länk".
                3. Öppna mejlet från Tasklane (avsändare no-reply@tasklane.example) och klicka på "Välj nytt lösenord". Länken gäller i 30 minuter och bara den senaste länken fungerar.
                4. Välj ett nytt lösenord på minst 10 tecken och logga in.

                Om mejlet inte har kommit inom 5 minuter, titta i skräpposten. Använder ni Microsoft 365 eller Google Workspace kan er IT-avdelning lägga till no-reply@tasklane.example som betrodd avsändare.
            """),
            "scanner": T("""
                Det låter som att länken "förbrukas" innan du hinner klicka på den. Vissa e-postfilter (till exempel Mimecast eller Microsoft Defender Safe Links) öppnar alla länkar i inkommande mejl för att kontrollera dem. Eftersom en återställningslänk bara fungerar en gång har den gått ut när du klickar.

                Gör så här:

                1. Begär en ny länk, bara en gång (varje ny begäran gör den förra ogiltig).
                2. Klicka inte på länken - kopiera den och klistra in den i ett privat fönster i webbläsaren.
                3. Välj ditt nya lösenord och logga in.

                Fungerar det ändå inte kan du återställa lösenordet i mobilappen: tryck på "Glömt lösenordet?" och välj "Skicka en kod i stället". Då får du en sexsiffrig kod i stället för en länk.
            """),
            "google": T("""
                Ditt konto skapades med "Fortsätt med Google", så det finns inget separat Tasklane-lösenord att återställa. Du loggar in med ditt Google-konto.

                1. Tryck på "Fortsätt med Google" på inloggningsskärmen (webben eller appen).
                2. Välj Google-kontot som du registrerade dig med.
                3. Vill du ha ett eget Tasklane-lösenord också? Gå till Inställningar > Profil > Lösenord när du är inloggad och klicka på "Ange lösenord".
            """),
            "lockout": T("""
                Efter 5 misslyckade inloggningsförsök spärrar vi inloggningen i 15 minuter för att skydda kontot. Spärren släpper av sig själv, vi behöver inte göra något.

                När de 15 minuterna har gått:

                1. Gå till https://tasklane.example/login och klicka på "Glömt lösenordet?" i stället för att prova det gamla lösenordet igen.
                2. Öppna mejlet och klicka på "Välj nytt lösenord".
                3. Välj ett lösenord på minst 10 tecken som inte är något av dina tre senaste. Vi godkänner inte heller lösenord som förekommer i kända dataläckor.

                En lösenordshanterare eller en kort mening på fyra-fem ord brukar fungera bra.
            """),
        },
    },
})

TOPICS.append({
    "key": "lost_2fa_phone",
    "group": "Account",
    "tags": ["2fa", "security", "login"],
    "type": "problem",
    "priority": {"high": 5, "urgent": 2, "normal": 3},
    "tickets": {"en": 13, "nl": 9},
    "generic_answers": ["backup_codes", "verify_identity"],
    "phrasings": {
        "en": [
            P("Lost my phone - can't get 2FA code", "I lost my phone on the train yesterday and now Tasklane wants a code from the authenticator app to log in. Which I obviously don't have anymore. How do I get back in?"),
            P("New phone, authenticator codes gone", "Switched to a new phone over the weekend and didn't move Google Authenticator across (rookie mistake). Now I'm stuck on the 2-step code screen. Help?"),
            P("2FA locked out", "Stolen phone. Locked out of Tasklane because of two factor. I'm the account owner for our whole team ({seats} people) so this is really urgent, nobody can change billing without me.", "verify_identity"),
            P("Backup codes?", "Where do I find backup codes? My phone broke (screen completely dead) and I can't get the code for two factor authentication.", "backup_codes"),
            P("Two-factor reset request", "Please disable two-factor authentication on my account. I factory-reset my phone and the authenticator app was wiped. My login is {email}. You can call me on {phone} if you need to check it's really me.", "verify_identity"),
            P("cant login, no code", "the app asks me for a 6 digit code but i never set anything up?? or maybe i did ages ago. i have a new number now. what code do i put in"),
            P("Authenticator app deleted", "I deleted Authy by accident while tidying up my phone and now I can't log in to Tasklane. I do have a printout with some codes from when I set it up, but I'm not sure where they go.", "backup_codes"),
            P("Colleague lost phone - 2FA", "One of our project managers, {colleague}, lost her work phone while travelling and can't log in. I'm an admin on our workspace - can I reset her two-factor from my side or does it have to go through you?", "admin_reset"),
            P("URGENT: locked out", "I'm in the US for work, my phone got stolen at the hotel and I'm now locked out of Tasklane. I have a new SIM but the authenticator was on the old phone. I need access today, we have a launch on Thursday.", "verify_identity"),
            P("2-step verification problem", "Bought a new iPhone, restored it from a backup, but the authenticator app shows no accounts. Tasklane is asking for a code I don't have. I'm the only admin.", "verify_identity"),
            P("Reset 2FA", "Could you turn off 2FA for my account please? Lost my phone. Thanks."),
            P("No access to code generator", "Our office manager set up two-factor on a shared phone that has since been recycled. None of us can get into the admin account now. Is there any way to prove we own the workspace? Our last invoice was {invoice}.", "verify_identity"),
            P("two factor - team member", "A member of my team dropped his phone in the canal (don't ask). He can't log in because of the authentication code. I'm one of the admins. What's the quickest way to get him back in?", "admin_reset"),
        ],
        "nl": [
            P("Telefoon kwijt, kan niet inloggen", "Ik ben gisteren mijn telefoon kwijtgeraakt en nu vraagt Tasklane om de code uit de authenticator-app. Die heb ik dus niet meer. Hoe kom ik weer in mijn account?"),
            P("Tweestapsverificatie nieuwe telefoon", "Ik heb een nieuwe telefoon en ben vergeten de Authenticator-app over te zetten. Nu blijf ik hangen op het scherm waar ik een code moet invullen. Wat nu?"),
            P("2FA uitzetten", "Kunnen jullie de tweestapsverificatie op mijn account uitzetten? Mijn telefoon is gestolen. Mijn inlog is {email}, je kunt me bellen op {phone}.", "verify_identity"),
            P("Back-upcodes", "Waar vind ik de back-upcodes? Mijn telefoon is kapotgevallen en ik krijg de verificatiecode niet meer.", "backup_codes"),
            P("Collega kan niet inloggen (2FA)", "Onze collega {colleague} is haar werktelefoon kwijt en kan daardoor niet meer inloggen. Ik ben beheerder van onze werkruimte. Kan ik haar tweestapsverificatie zelf resetten?", "admin_reset"),
            P("Dringend - geen toegang", "Ik ben de enige beheerder van ons account en ik kom er niet meer in omdat de authenticator op mijn oude telefoon stond. Niemand bij ons kan nu de facturatie regelen. Ons laatste factuurnummer is {invoice}, als dat helpt.", "verify_identity"),
            P("code", "de app vraagt om een code van 6 cijfers maar ik weet niet waar ik die vandaan moet halen, ik heb een nieuw nummer"),
            P("Authenticator per ongeluk verwijderd", "Per ongeluk de Microsoft Authenticator-app verwijderd bij het opruimen van mijn telefoon. Nu kan ik niet meer in Tasklane. Ik heb ergens nog een lijstje met codes uitgeprint, werken die?", "backup_codes"),
            P("Telefoon teruggezet naar fabrieksinstellingen", "Ik heb mijn telefoon teruggezet naar de fabrieksinstellingen en nu is alles uit de authenticator-app weg. Hoe los ik dit op? Ik moet morgen een planning delen met een opdrachtgever."),
            P("Medewerker buitengesloten", "Een van onze uitvoerders is zijn telefoon kwijt op de bouwplaats en kan niet meer inloggen vanwege de verificatiecode. Ik ben een van de beheerders. Wat is de snelste manier?", "admin_reset"),
        ],
    },
    "answers": {
        "en": {
            "backup_codes": T("""
                When you turned on two-factor authentication, Tasklane gave you ten backup codes (they were shown on screen and offered as a download called tasklane-backup-codes.txt). Each code works once, in place of the code from your authenticator app:

                1. Sign in with your email address and password as usual.
                2. On the "Enter your 6-digit code" screen, click "Use a backup code instead".
                3. Enter one of your backup codes.
                4. Once you're in, go to Settings > Security > Two-factor authentication, click "Reset", and scan the new QR code with the authenticator app on your new phone.

                You'll get a fresh set of backup codes at the end - keep them somewhere safe, for example in your password manager.
            """),
            "admin_reset": T("""
                Good news: as a workspace admin you can reset two-factor authentication for a member yourself, no need to wait for us.

                1. Go to Settings > Members.
                2. Find your colleague, click the ⋯ menu next to their name and choose "Reset two-factor authentication".
                3. Confirm. Your colleague gets an email straight away.
                4. They sign in with their email and password and are asked to set up two-factor again on their new phone.

                For security reasons admins can't reset two-factor for the workspace owner - the owner would need to contact us.
            """),
            "verify_identity": T("""
                As you don't have your backup codes and there's no other admin who can reset it for you, we'll need to verify your identity before we switch off two-factor authentication. This protects your account from someone pretending to be you.

                1. Reply to this email from the address you use to sign in to Tasklane.
                2. Tell us the name of your workspace and either the last four digits of the card we charge or the number of your most recent invoice (it starts with TL-).
                3. Once we've checked the details we'll turn off two-factor on your account, usually within one business day, and email you.
                4. Sign in, then set up two-factor again under Settings > Security > Two-factor authentication, and save the new backup codes.

                I'm sorry we can't do this over the phone or chat - it has to come from the account's email address.
            """),
        },
        "nl": {
            "backup_codes": T("""
                Toen je tweestapsverificatie aanzette, heeft Tasklane je tien back-upcodes gegeven (op het scherm en als download met de naam tasklane-backup-codes.txt). Elke code werkt één keer, in plaats van de code uit je authenticator-app:

                1. Log in met je e-mailadres en wachtwoord zoals altijd.
                2. Klik op het scherm "Vul je 6-cijferige code in" op "Gebruik een back-upcode".
                3. Vul een van je back-upcodes in.
                4. Ga daarna naar Instellingen > Beveiliging > Tweestapsverificatie, klik op "Opnieuw instellen" en scan de nieuwe QR-code met de authenticator-app op je nieuwe telefoon.

                Je krijgt dan ook nieuwe back-upcodes. Bewaar die op een veilige plek, bijvoorbeeld in je wachtwoordmanager.
            """),
            "admin_reset": T("""
                Goed nieuws: als beheerder van de werkruimte kun je de tweestapsverificatie van een collega zelf resetten.

                1. Ga naar Instellingen > Leden.
                2. Klik op het ⋯-menu naast de naam van je collega en kies "Tweestapsverificatie resetten".
                3. Bevestig. Je collega krijgt meteen een e-mail.
                4. Je collega logt in met e-mailadres en wachtwoord en stelt de tweestapsverificatie opnieuw in op de nieuwe telefoon.

                Voor de eigenaar van de werkruimte kan een beheerder dit om veiligheidsredenen niet doen; de eigenaar moet dan contact met ons opnemen.
            """),
            "verify_identity": T("""
                Omdat je geen back-upcodes meer hebt en er geen andere beheerder is die het voor je kan resetten, moeten we eerst je identiteit controleren voordat we de tweestapsverificatie uitzetten. Zo voorkomen we dat iemand anders zich voor jou uitgeeft.

                1. Beantwoord deze e-mail vanaf het adres waarmee je inlogt bij Tasklane.
                2. Vermeld de naam van je werkruimte en de laatste vier cijfers van de kaart waarmee je betaalt, of het nummer van je meest recente factuur (begint met TL-).
                3. Zodra we dat hebben gecontroleerd, zetten we de tweestapsverificatie uit, meestal binnen één werkdag, en krijg je een e-mail.
                4. Log in en stel de tweestapsverificatie opnieuw in via Instellingen > Beveiliging > Tweestapsverificatie. Bewaar de nieuwe back-upcodes goed.

                Helaas kunnen we dit niet telefonisch of via de chat regelen; het verzoek moet van het e-mailadres van het account komen.
            """),
        },
    },
})

TOPICS.append({
    "key": "download_invoice",
    "group": "Billing",
    "tags": ["billing", "invoice"],
    "type": "question",
    "priority": {"normal": 7, "low": 3},
    "tickets": {"en": 21, "nl": 11, "sv": 7},
    "generic_answers": ["download"],
    "phrasings": {
        "en": [
            P("Invoice for {last_month}", "Hi, where can I download our invoice for {last_month}? Our accountant needs it by Friday."),
            P("VAT invoice needed", "We need a proper VAT invoice with our company name and VAT number on it. The receipt we got only shows my name. Can you send one for {invoice}?", "billing_details"),
            P("invoice", "need invoice pls"),
            P("Can't find invoices", "I'm the one who pays for our Tasklane, but under Settings > Billing I don't see any invoices at all, just the plan. Am I looking in the wrong place? I wasn't the person who originally set up the account."),
            P("Wrong company name on invoice", "The last invoices are addressed to our old company name (we rebranded to {company} in June). Our finance team won't accept them. Can they be corrected? Invoice numbers {invoice} and {invoice2}.", "reissued"),
            P("Invoices to finance", "Is there a way to get invoices sent automatically to our finance mailbox ({colleague_email}) instead of me? I keep forgetting to forward them."),
            P("Invoice PDF", "Could you please email me a PDF copy of invoice {invoice}? The link in the payment email takes me to a login page and I don't have a Tasklane login, I only handle the payments."),
            P("Need all invoices for 2026", "Our auditors have asked for every Tasklane invoice since January. Is there a bulk download or do I have to click each one?"),
            P("Missing VAT number", "I added our VAT number last week but the new invoice {invoice} still doesn't show it. Did I do something wrong?", "billing_details"),
            P("Invoice address", "Our office moved to {address}. How do I change the address on the invoices? And can the {last_month} one be redone with the new address?", "reissued"),
            P("Where are invoices?", "Quick one: where do I find invoices in the new billing screen? It moved since the last update and I can't see it anymore."),
            P("Invoice request - PO number", "Our purchasing department requires a PO number ({po}) on every supplier invoice. Is it possible to add it? We'd need this month's invoice reissued too.", "reissued"),
            P("Download invoice button does nothing", "When I press Download on the invoices page nothing happens. Tried Chrome and Edge. Could you just send me the invoice for last month?"),
            P("Receipt for expenses", "I paid for Tasklane on my own card and need a receipt/invoice to claim it back on expenses. Where do I get one?"),
        ],
        "nl": [
            P("Factuur downloaden", "Waar kan ik de factuur van {last_month} downloaden? Onze boekhouder heeft hem nodig voor de btw-aangifte."),
            P("Factuur met btw-nummer", "Wij hebben een factuur nodig met onze bedrijfsnaam en ons btw-nummer erop. Op het bonnetje dat we krijgen staat alleen mijn naam. Kunnen jullie factuur {invoice} opnieuw sturen?", "billing_details"),
            P("factuur", "Graag de factuur van vorige maand. Bvd"),
            P("Geen facturen zichtbaar", "Ik betaal ons abonnement maar ik zie bij Instellingen > Facturatie geen facturen staan. Kijk ik op de verkeerde plek? Ik heb het account niet zelf aangemaakt."),
            P("Verkeerde bedrijfsnaam op factuur", "Op de laatste facturen staat nog onze oude naam. We heten sinds juni {company}. Kunnen jullie {invoice} en {invoice2} aanpassen? Onze administratie accepteert ze zo niet.", "reissued"),
            P("Facturen naar administratie", "Kunnen de facturen automatisch naar onze administratie ({colleague_email}) gestuurd worden? Nu moet ik ze steeds zelf doorsturen."),
            P("Alle facturen 2026", "Onze accountant vraagt om alle facturen van dit jaar. Kan ik die in één keer downloaden of moet ik ze allemaal los openen?"),
            P("Nieuw adres op factuur", "We zijn verhuisd naar {address}. Hoe pas ik het adres op de facturen aan? En kan de factuur van {last_month} opnieuw worden gemaakt met het nieuwe adres?", "reissued"),
            P("Btw-nummer staat er niet op", "Vorige week ons btw-nummer toegevoegd, maar op de nieuwe factuur {invoice} staat het er nog steeds niet op. Moet ik nog iets doen?", "billing_details"),
            P("Factuur kwijt", "Ik ben de pdf van factuur {invoice} kwijt. Zelf heb ik geen inlog, ik doe alleen de betalingen. Kunnen jullie hem mailen?"),
            P("Factuur voor declaratie", "Ik heb Tasklane met mijn eigen pas betaald en moet het declareren bij mijn werkgever. Waar vind ik de factuur?"),
        ],
        "sv": [
            P("Faktura", "Var hittar jag fakturan för {last_month}? Vår redovisningsbyrå behöver den."),
            P("Momsregistreringsnummer på fakturan", "Vi behöver fakturor med vårt företagsnamn och momsregistreringsnummer. Kan ni skicka om faktura {invoice}?", "billing_details"),
            P("Fel företagsnamn", "På de senaste fakturorna står vårt gamla företagsnamn. Vi heter {company} sedan i somras. Kan ni rätta {invoice}?", "reissued"),
            P("faktura pdf", "behöver fakturan som pdf till bokföringen, hur laddar jag ner den?"),
            P("Fakturor till ekonomi", "Går det att få fakturorna skickade direkt till vår ekonomiavdelning, {colleague_email}? Nu glömmer jag alltid att vidarebefordra dem."),
            P("Ser inga fakturor", "Jag betalar vårt abonnemang men under Inställningar > Fakturering syns inga fakturor. Det var inte jag som skapade kontot."),
            P("Alla fakturor i år", "Vår revisor vill ha alla fakturor från 2026. Kan man ladda ner alla på en gång?"),
            P("Ny adress på fakturan", "Vi har flyttat till {address}. Hur ändrar jag adressen på fakturorna?", "billing_details"),
        ],
    },
    "answers": {
        "en": {
            "download": T("""
                You can download all your invoices as PDFs yourself:

                1. Go to Settings > Billing > Invoices.
                2. Find the invoice you need - they're listed by date, with their number (TL-...).
                3. Click "Download PDF". To get several at once, tick them and click "Download selected" for a ZIP file.

                Only the workspace owner and billing admins can see this page. If someone else, for example your accounts team, should get every invoice automatically, add their address under Settings > Billing > Billing details > "Send invoices to". They don't need a Tasklane account for that.
            """),
            "billing_details": T("""
                Your company details and VAT number are taken from your billing details at the moment an invoice is created. To get them on your invoices:

                1. Go to Settings > Billing > Billing details.
                2. Fill in your company name, address and VAT number, then click "Save".
                3. Every invoice from now on shows these details, and for EU businesses with a valid VAT number, the reverse-charge note.

                Invoices that were already issued don't change automatically, but we're happy to reissue them. Just reply with the invoice numbers you need corrected and we'll send new PDFs within two business days.
            """),
            "reissued": T("""
                I've reissued invoice {invoice} with your updated details. You'll find the new PDF under Settings > Billing > Invoices, marked "Reissued". The original has been voided, so your finance team only needs the new one.

                To make sure future invoices are right straight away:

                1. Go to Settings > Billing > Billing details.
                2. Check the company name, address, VAT number and "Reference / PO number" fields.
                3. Click "Save" - every new invoice will use these details.
            """),
        },
        "nl": {
            "download": T("""
                Je kunt al je facturen zelf als pdf downloaden:

                1. Ga naar Instellingen > Facturatie > Facturen.
                2. Zoek de factuur die je nodig hebt; ze staan op datum, met hun nummer (TL-...).
                3. Klik op "Pdf downloaden". Wil je er meerdere tegelijk, vink ze dan aan en klik op "Selectie downloaden" voor een zip-bestand.

                Alleen de eigenaar van de werkruimte en facturatiebeheerders zien deze pagina. Moet iemand anders, bijvoorbeeld je administratie, elke factuur automatisch ontvangen? Voeg dan het adres toe bij Instellingen > Facturatie > Factuurgegevens > "Facturen sturen naar". Daarvoor is geen Tasklane-account nodig.
            """),
            "billing_details": T("""
                Je bedrijfsgegevens en btw-nummer komen uit je factuurgegevens op het moment dat een factuur wordt gemaakt. Zo zet je ze erop:

                1. Ga naar Instellingen > Facturatie > Factuurgegevens.
                2. Vul je bedrijfsnaam, adres en btw-nummer in en klik op "Opslaan".
                3. Alle nieuwe facturen tonen deze gegevens, en bij een geldig EU-btw-nummer ook de vermelding "btw verlegd".

                Facturen die al verstuurd zijn veranderen niet vanzelf, maar we maken ze graag opnieuw voor je aan. Stuur ons de factuurnummers en je krijgt binnen twee werkdagen nieuwe pdf's.
            """),
            "reissued": T("""
                Ik heb factuur {invoice} opnieuw aangemaakt met je nieuwe gegevens. Je vindt de nieuwe pdf bij Instellingen > Facturatie > Facturen, met het label "Opnieuw uitgegeven". De oude factuur is vervallen, dus je administratie heeft alleen de nieuwe nodig.

                Zo kloppen toekomstige facturen meteen:

                1. Ga naar Instellingen > Facturatie > Factuurgegevens.
                2. Controleer bedrijfsnaam, adres, btw-nummer en het veld "Referentie / inkoopordernummer".
                3. Klik op "Opslaan"; alle nieuwe facturen gebruiken deze gegevens.
            """),
        },
        "sv": {
            "download": T("""
                Du kan ladda ner alla fakturor som pdf själv:

                1. Gå till Inställningar > Fakturering > Fakturor.
                2. Leta upp fakturan - de står i datumordning med sitt nummer (TL-...).
                3. Klicka på "Ladda ner pdf". Vill du ha flera på en gång, markera dem och klicka på "Ladda ner markerade" så får du en zip-fil.

                Bara arbetsytans ägare och faktureringsadministratörer ser den här sidan. Ska någon annan, till exempel ekonomiavdelningen, få alla fakturor automatiskt? Lägg då till adressen under Inställningar > Fakturering > Faktureringsuppgifter > "Skicka fakturor till". De behöver inget Tasklane-konto för det.
            """),
            "billing_details": T("""
                Företagsuppgifterna och momsregistreringsnumret hämtas från era faktureringsuppgifter när fakturan skapas. Så här får du med dem:

                1. Gå till Inställningar > Fakturering > Faktureringsuppgifter.
                2. Fyll i företagsnamn, adress och momsregistreringsnummer och klicka på "Spara".
                3. Alla nya fakturor visar uppgifterna, och med ett giltigt EU-momsnummer även texten om omvänd skattskyldighet.

                Fakturor som redan har skickats ändras inte automatiskt, men vi skickar gärna om dem. Svara med fakturanumren så får du nya pdf:er inom två arbetsdagar.
            """),
            "reissued": T("""
                Jag har ställt ut faktura {invoice} på nytt med era uppdaterade uppgifter. Den nya pdf:en finns under Inställningar > Fakturering > Fakturor och är märkt "Utfärdad på nytt". Den gamla fakturan är makulerad.

                Så blir kommande fakturor rätt direkt:

                1. Gå till Inställningar > Fakturering > Faktureringsuppgifter.
                2. Kontrollera företagsnamn, adress, momsregistreringsnummer och fältet "Referens / ordernummer".
                3. Klicka på "Spara".
            """),
        },
    },
})

TOPICS.append({
    "key": "payment_failed",
    "group": "Billing",
    "tags": ["billing", "payment"],
    "type": "problem",
    "priority": {"normal": 5, "high": 4, "urgent": 1},
    "tickets": {"en": 18, "nl": 10, "sv": 7},
    "generic_answers": ["update_card", "update_card", "authentication"],
    "phrasings": {
        "en": [
            P("Payment failed", "Got an email saying our payment failed. Nothing has changed on our side as far as I know. What do I need to do?"),
            P("Update card details", "Our company card expired at the end of last month - how do I put the new one in? Can't find where to change it.", "update_card"),
            P("Your payment was declined??", "I've had three emails now saying the payment was declined, but the card works everywhere else and there's plenty of money on it. Is something wrong on your end? Invoice {invoice}.", "authentication"),
            P("Account read-only after failed payment", "Our whole team suddenly can't edit anything - there's a banner saying the workspace is read-only because of an unpaid invoice. I've updated the card now. How quickly will it unlock? We're in the middle of a project!", "update_card"),
            P("change payment method", "how do i change the card we pay with. the old one was my personal card and it should be the company card from now on", "update_card"),
            P("Card declined - 3D secure", "The payment keeps failing. My bank app showed a pop-up to approve it, but by the time I opened it, it had timed out. Can you try again?", "authentication"),
            P("Can we pay by bank transfer?", "Our finance team doesn't like using cards for subscriptions. Can we switch to paying by invoice / bank transfer instead? We're on the Business plan, billed yearly.", "bank_transfer"),
            P("New card not being charged", "I added a new card ending in {card4} two days ago but the invoice still shows as unpaid and we keep getting reminders. Do I need to do something else?", "update_card"),
            P("Payment failure notice", "I received a notice that the payment of {amount} couldn't be processed. I'd like to pay right away so the team isn't disrupted - is there a link?"),
            P("Payment problem", "Card got blocked by the bank because of fraud on another site. New card arrives next week. Will our account be closed in the meantime??", "update_card"),
            P("Direct debit?", "Is it possible to pay by direct debit instead of credit card? Our card keeps getting replaced and I have to update it every single time.", "bank_transfer"),
            P("Billing error", "Your system says my card was declined but my bank says they never even saw the transaction. Something is broken. I've tried two different cards. Honestly getting fed up with this.", "authentication"),
            P("Please charge this card", "Our payment failed again. Can you just charge this card instead: {test_card}, exp 09/29, CVC 123. Need this sorted today.", "update_card"),
            P("Failed payment - team locked", "None of my team can create tasks, says billing issue. I'm not the admin, {colleague} is but she's on holiday. What can I do?"),
        ],
        "nl": [
            P("Betaling mislukt", "Ik kreeg een mail dat onze betaling mislukt is. Voor zover ik weet is er niks veranderd. Wat moet ik doen?"),
            P("Creditcard wijzigen", "Onze zakelijke creditcard is verlopen. Waar kan ik de nieuwe invoeren?", "update_card"),
            P("Account alleen-lezen", "Het hele team kan ineens niks meer aanpassen, er staat een melding dat de werkruimte alleen-lezen is vanwege een openstaande factuur. Ik heb de kaart inmiddels aangepast. Hoe snel werkt alles weer?", "update_card"),
            P("Betalen via incasso?", "Wij betalen liever niet met een creditcard. Kunnen we overstappen op automatische incasso of betalen op factuur? Ons IBAN is {iban}.", "bank_transfer"),
            P("betaling geweigerd", "Al drie mails gehad dat de betaling is geweigerd maar de kaart werkt overal anders gewoon. Ligt het aan jullie? Factuurnummer {invoice}.", "authentication"),
            P("Andere kaart", "hoe verander ik de kaart waarmee we betalen? het is nu mijn eigen kaart en dat moet de kaart van de zaak worden", "update_card"),
            P("Nieuwe kaart, nog steeds herinneringen", "Twee dagen geleden een nieuwe kaart toegevoegd (eindigend op {card4}), maar de factuur staat nog steeds open en we krijgen herinneringen. Moet ik nog iets doen?", "update_card"),
            P("3D Secure", "De betaling mislukt steeds. Ik kreeg wel een melding van de bank-app om te bevestigen, maar toen ik die opende was het al verlopen. Kunnen jullie het nog een keer proberen?", "authentication"),
            P("Betaalherinnering", "Ik ontving een melding dat de betaling van {amount} niet gelukt is. Ik wil dit graag meteen regelen zodat het team gewoon door kan werken. Hoe kan ik nu betalen?"),
            P("Kaart geblokkeerd", "Onze bank heeft de kaart geblokkeerd na fraude ergens anders, de nieuwe komt volgende week. Wordt ons account tot die tijd afgesloten?", "update_card"),
        ],
        "sv": [
            P("Betalningen misslyckades", "Vi fick ett mejl om att betalningen misslyckades. Vi har inte ändrat något. Vad ska jag göra?"),
            P("Byta kort", "Företagskortet har gått ut, var lägger jag in det nya?", "update_card"),
            P("Kontot är skrivskyddat", "Hela teamet kan plötsligt inte ändra något, det står att arbetsytan är skrivskyddad på grund av en obetald faktura. Jag har bytt kort nu. Hur snabbt blir det normalt igen?", "update_card"),
            P("Betala mot faktura?", "Kan vi betala mot faktura i stället för med kort? Vi har Business-planen, årsvis.", "bank_transfer"),
            P("Kortet nekas", "Vi har fått tre mejl om att betalningen nekats men kortet fungerar överallt annars. Är det fel hos er? Faktura {invoice}.", "authentication"),
            P("3D Secure", "Banken ville att jag skulle godkänna betalningen i appen men notisen hann gå ut innan jag såg den. Kan ni försöka dra pengarna igen?", "authentication"),
            P("kort", "hur ändrar jag vilket kort vi betalar med? det är mitt privata kort nu", "update_card"),
            P("Påminnelse om betalning", "Jag fick en påminnelse om att betalningen på {amount} inte gick igenom. Vill betala direkt så att teamet kan jobba vidare, hur gör jag?"),
        ],
    },
    "answers": {
        "en": {
            "update_card": T("""
                A failed payment usually means the card on file has expired or was replaced by the bank. To update it:

                1. Go to Settings > Billing > Payment method.
                2. Click "Replace card" and enter the new card details.
                3. If your bank asks you to confirm (3-D Secure), approve it in your banking app.
                4. Go to Settings > Billing > Invoices and click "Pay now" next to the open invoice.

                As soon as the invoice is paid, the workspace is fully editable again - usually within a minute. Nothing is lost while a payment is outstanding; the workspace only becomes read-only after 14 days. Please never send card numbers by email - only enter them on the billing page.
            """),
            "authentication": T("""
                I've checked the payment attempts, and your bank declined them with the reason "authentication required". That means the bank wanted you to confirm the payment (3-D Secure) and the confirmation wasn't completed in time.

                1. Go to Settings > Billing > Invoices.
                2. Click "Pay now" next to the open invoice.
                3. Keep the page open and approve the payment in your banking app when it asks - you have about 5 minutes.

                If the bank declines it again, it's worth giving them a call: some business cards block recurring payments to companies abroad by default (we bill from the Netherlands).
            """),
            "bank_transfer": T("""
                Yes - annual Business and Enterprise plans can be paid by bank transfer:

                1. Go to Settings > Billing > Payment method and choose "Pay by invoice".
                2. We'll email you an invoice with our bank details; payment terms are 30 days.
                3. Your card won't be charged any more once this is set up.

                For monthly plans we accept cards and SEPA Direct Debit. To set up direct debit, go to Settings > Billing > Payment method > "Add SEPA Direct Debit" and enter the account holder's name and IBAN there.
            """),
        },
        "nl": {
            "update_card": T("""
                Een mislukte betaling betekent meestal dat de kaart verlopen is of door de bank is vervangen. Zo pas je hem aan:

                1. Ga naar Instellingen > Facturatie > Betaalmethode.
                2. Klik op "Kaart vervangen" en vul de gegevens van de nieuwe kaart in.
                3. Vraagt je bank om de betaling te bevestigen (3D Secure), keur hem dan goed in je bank-app.
                4. Ga naar Instellingen > Facturatie > Facturen en klik op "Nu betalen" naast de openstaande factuur.

                Zodra de factuur betaald is, kan iedereen weer gewoon werken, meestal binnen een minuut. Er gaat niets verloren; de werkruimte wordt pas na 14 dagen alleen-lezen. Stuur kaartgegevens nooit per e-mail, vul ze alleen in op de facturatiepagina.
            """),
            "authentication": T("""
                Ik heb de betaalpogingen bekeken. Je bank heeft ze geweigerd met de reden "authenticatie vereist": de bank wilde dat je de betaling bevestigde (3D Secure) en dat is niet op tijd gelukt.

                1. Ga naar Instellingen > Facturatie > Facturen.
                2. Klik op "Nu betalen" naast de openstaande factuur.
                3. Laat de pagina openstaan en keur de betaling goed in je bank-app; je hebt daar ongeveer 5 minuten voor.

                Wordt hij opnieuw geweigerd, bel dan even met je bank. Sommige zakelijke kaarten blokkeren standaard terugkerende betalingen.
            """),
            "bank_transfer": T("""
                Dat kan. Jaarabonnementen voor Business en Enterprise kun je op factuur betalen:

                1. Ga naar Instellingen > Facturatie > Betaalmethode en kies "Betalen op factuur".
                2. Je ontvangt een factuur met onze bankgegevens; de betaaltermijn is 30 dagen.
                3. Je kaart wordt daarna niet meer belast.

                Voor maandabonnementen kun je kiezen uit creditcard en SEPA-incasso. Incasso stel je in via Instellingen > Facturatie > Betaalmethode > "SEPA-incasso toevoegen". Vul daar de naam van de rekeninghouder en het IBAN in; om veiligheidsredenen kunnen wij dat niet vanuit een e-mail voor je invoeren.
            """),
        },
        "sv": {
            "update_card": T("""
                En misslyckad betalning betyder oftast att kortet har gått ut eller bytts ut av banken. Så här uppdaterar du det:

                1. Gå till Inställningar > Fakturering > Betalningsmetod.
                2. Klicka på "Byt kort" och fyll i det nya kortets uppgifter.
                3. Om banken ber dig godkänna betalningen (3D Secure), gör det i bankappen.
                4. Gå till Inställningar > Fakturering > Fakturor och klicka på "Betala nu" vid den obetalda fakturan.

                När fakturan är betald går det att redigera i arbetsytan igen, oftast inom en minut. Inget försvinner; arbetsytan blir skrivskyddad först efter 14 dagar.
            """),
            "authentication": T("""
                Jag har tittat på betalningsförsöken och er bank nekade dem med orsaken "autentisering krävs". Banken ville alltså att du skulle godkänna betalningen (3D Secure), och det hann inte bli gjort.

                1. Gå till Inställningar > Fakturering > Fakturor.
                2. Klicka på "Betala nu" vid den obetalda fakturan.
                3. Låt sidan vara öppen och godkänn betalningen i bankappen - du har ungefär 5 minuter på dig.

                Nekas den igen är det värt att ringa banken; vissa företagskort spärrar återkommande betalningar till utlandet.
            """),
            "bank_transfer": T("""
                Ja, årsabonnemang på Business och Enterprise kan betalas mot faktura:

                1. Gå till Inställningar > Fakturering > Betalningsmetod och välj "Betala mot faktura".
                2. Du får en faktura med våra bankuppgifter; betalningsvillkoren är 30 dagar.
                3. Kortet debiteras inte längre när det är inställt.

                Månadsabonnemang betalas med kort eller SEPA-autogiro.
            """),
        },
    },
})

TOPICS.append({
    "key": "cancel_subscription",
    "group": "Billing",
    "tags": ["billing", "cancellation"],
    "type": "question",
    "priority": {"normal": 8, "low": 2},
    "tickets": {"en": 15, "nl": 9},
    "generic_answers": ["cancel"],
    "phrasings": {
        "en": [
            P("Cancel subscription", "Please cancel our subscription. We're moving to another tool. Thanks."),
            P("How do I cancel?", "I can't find a cancel button anywhere. How do I stop the monthly payments?", "cancel"),
            P("Stop charging me", "I stopped using Tasklane months ago and you're STILL charging my card {amount} every month. I want this cancelled now, and I want to know how to do it because I couldn't find it anywhere."),
            P("Cancel via iPhone", "I think I signed up on my iPhone. The website says I don't have an active plan but I'm being charged by Apple. How do I cancel?", "app_store"),
            P("Cancellation + refund", "We renewed for a full year last month by accident - nobody remembered to cancel. We're closing the team down. Can we cancel and get the unused months back?", "refund_policy"),
            P("Ending our Tasklane account", "Our project has ended and we won't need Tasklane after this month. If we cancel, do we lose all our projects? We'd like to keep them accessible for a while.", "cancel"),
            P("cancel", "cancel my plan. i'm the owner. {email}"),
            P("Don't auto-renew", "Our contract renews on {end_date}. Could you make sure it doesn't auto-renew? We've decided to go with a different solution next year. Company is {company}.", "refund_policy"),
            P("Unsubscribe", "How do I unsubscribe from the paid plan but keep using the free version for myself?", "cancel"),
            P("Cancel button greyed out", "The 'Cancel subscription' button is greyed out for me. I'm an admin. Why?", "cancel"),
            P("Please close subscription", "Good afternoon, following a budget review we need to cancel our Tasklane Team subscription effective end of this month. Please confirm in writing. Invoice reference {invoice}."),
            P("Subscription through Google Play", "I paid through Google Play on my Android phone. How do I stop the subscription? There's nothing about it in the app.", "app_store"),
            P("Want to cancel the trial", "I started a trial last week and put my card in. I don't want to be charged when it ends - how do I cancel before that?", "cancel"),
        ],
        "nl": [
            P("Abonnement opzeggen", "Ik wil ons abonnement graag opzeggen. We stappen over naar een ander pakket."),
            P("Hoe zeg ik op?", "Ik kan nergens een knop vinden om op te zeggen. Hoe stop ik de maandelijkse betaling?", "cancel"),
            P("Opzeggen!!", "Ik gebruik Tasklane al maanden niet meer en jullie schrijven nog steeds elke maand {amount} af. Ik wil dit NU stopzetten. Waarom is dat zo moeilijk te vinden?"),
            P("Opzeggen via iPhone", "Ik heb me volgens mij via mijn iPhone aangemeld. Op de website staat dat ik geen abonnement heb, maar Apple schrijft wel elke maand af. Hoe zeg ik op?", "app_store"),
            P("Opzeggen en geld terug", "We hebben vorige maand per ongeluk een jaar verlengd, niemand had eraan gedacht op te zeggen. We stoppen met het team. Kunnen we opzeggen en de resterende maanden terugkrijgen?", "refund_policy"),
            P("Wat gebeurt er met onze projecten?", "Ons project is afgerond en we hebben Tasklane na deze maand niet meer nodig. Als we opzeggen, zijn we dan alles kwijt? We willen de projecten nog even kunnen inzien.", "cancel"),
            P("Niet automatisch verlengen", "Ons contract loopt af op {end_date}. Willen jullie ervoor zorgen dat het niet automatisch verlengd wordt? Bedrijfsnaam: {company}.", "refund_policy"),
            P("opzeggen", "graag opzeggen per direct. ik ben de eigenaar van het account"),
            P("Opzeggen via Google Play", "Ik betaal via Google Play op mijn Android-telefoon. Hoe stop ik het abonnement? In de app zie ik niks.", "app_store"),
            P("Proefperiode stoppen", "Ik ben vorige week een proefperiode begonnen en heb mijn kaart ingevuld. Ik wil niet betalen als hij afloopt, hoe stop ik op tijd?", "cancel"),
        ],
    },
    "answers": {
        "en": {
            "cancel": T("""
                You can cancel at any time from your billing settings:

                1. Go to Settings > Billing > Plan.
                2. Click "Cancel subscription" at the bottom of the page. (Only the workspace owner sees this button - for other admins it's greyed out.)
                3. Choose a reason if you like, and confirm.

                Your workspace stays on its current plan until the end of the period you've paid for, then moves to the Free plan. Nothing is deleted: projects stay available, and anything above the Free plan limits becomes read-only. If you're on a trial, cancelling before the trial ends means your card is never charged.
            """),
            "app_store": T("""
                Your subscription was bought in the mobile app, so it's Apple or Google who bill you, and only they can cancel it - we can't see or stop those payments from our side.

                On an iPhone or iPad:
                1. Open the Settings app and tap your name.
                2. Tap Subscriptions, then Tasklane.
                3. Tap "Cancel Subscription".

                On Android:
                1. Open the Google Play Store and tap your profile picture.
                2. Tap Payments & subscriptions > Subscriptions > Tasklane.
                3. Tap "Cancel subscription".

                Refunds for in-app purchases are also handled by Apple or Google.
            """),
            "refund_policy": T("""
                I've cancelled the subscription for you. It stays active until the end of the current billing period ({end_date}), and you won't be charged again.

                About a refund: annual plans can be refunded in full within 14 days of the renewal date. Your plan renewed more than 14 days ago, so I'm afraid we can't refund the remaining months - but you keep full access until {end_date}.

                If you'd like to keep a copy of your projects, export them before then:
                1. Go to Settings > Data > Export workspace.
                2. Choose "Everything (JSON + attachments)" and click "Start export".
                3. Download the file from the link we email you.
            """),
        },
        "nl": {
            "cancel": T("""
                Je kunt op elk moment opzeggen via je facturatie-instellingen:

                1. Ga naar Instellingen > Facturatie > Abonnement.
                2. Klik onderaan op "Abonnement opzeggen". (Alleen de eigenaar van de werkruimte ziet deze knop; voor andere beheerders is hij grijs.)
                3. Kies eventueel een reden en bevestig.

                Je werkruimte blijft op het huidige abonnement tot het einde van de periode waarvoor je al betaald hebt en gaat daarna over naar het gratis abonnement. Er wordt niets verwijderd: je projecten blijven beschikbaar en wat boven de limieten van het gratis abonnement uitkomt, wordt alleen-lezen. Zeg je op tijdens een proefperiode, dan wordt je kaart nooit belast.
            """),
            "app_store": T("""
                Je abonnement is afgesloten in de mobiele app. Dan loopt de betaling via Apple of Google en kunnen alleen zij het stopzetten; wij zien die betalingen niet.

                Op een iPhone of iPad:
                1. Open de app Instellingen en tik op je naam.
                2. Tik op Abonnementen en daarna op Tasklane.
                3. Tik op "Annuleer abonnement".

                Op Android:
                1. Open de Google Play Store en tik op je profielfoto.
                2. Tik op Betalingen en abonnementen > Abonnementen > Tasklane.
                3. Tik op "Abonnement opzeggen".

                Terugbetalingen van aankopen in de app lopen ook via Apple of Google.
            """),
            "refund_policy": T("""
                Ik heb het abonnement voor je opgezegd. Het blijft actief tot het einde van de huidige periode ({end_date}) en daarna wordt er niets meer afgeschreven.

                Over terugbetaling: een jaarabonnement kunnen we binnen 14 dagen na de verlengingsdatum volledig terugbetalen. Jullie verlenging is langer dan 14 dagen geleden, dus de resterende maanden kunnen we helaas niet terugstorten. Je houdt wel volledige toegang tot {end_date}.

                Wil je een kopie van je projecten bewaren, exporteer ze dan voor die datum:
                1. Ga naar Instellingen > Gegevens > Werkruimte exporteren.
                2. Kies "Alles (JSON + bijlagen)" en klik op "Export starten".
                3. Download het bestand via de link die je per e-mail krijgt.
            """),
        },
    },
})

TOPICS.append({
    "key": "double_charge_refund",
    "group": "Billing",
    "tags": ["billing", "refund"],
    "type": "problem",
    "priority": {"high": 5, "normal": 4, "urgent": 1},
    "tickets": {"en": 12, "nl": 9},
    "generic_answers": ["pending_auth", "refunded", "two_workspaces"],
    "phrasings": {
        "en": [
            P("Charged twice", "I've been charged twice this month - two payments of {amount} on the same day. Please refund one of them."),
            P("Double payment!!", "You've taken the money TWICE from our account. This is not acceptable, we're a small business. I expect a refund today.", "refunded"),
            P("Duplicate charge on card", "Looking at my card statement there are two Tasklane charges for {last_month}. Is one of them a mistake? The invoice number on the email was {invoice}.", "refunded"),
            P("two charges after updating card", "After I updated our card yesterday I see two charges from Tasklane in my banking app. One says pending. Am I paying double?", "pending_auth"),
            P("Refund request", "Please could you refund the duplicate charge of {amount} from {date}? Our bookkeeper spotted it during reconciliation.", "refunded"),
            P("Why 2 payments?", "why did you charge me 2x this month"),
            P("Charged for two workspaces?", "We've been charged twice every month since the summer and I only just noticed. We only use one team. Can you check what's going on?", "two_workspaces"),
            P("Billing mistake", "Good morning, our credit card statement shows Tasklane charged us {amount} twice on {date}. Could you please investigate and refund the duplicate?"),
            P("Double billed", "Double billed again. This is the second month in a row. Sort it out please.", "refunded"),
            P("Extra charge", "There's an extra charge from Tasklane on my statement that I don't recognise. Same amount as the normal one. Did I accidentally sign up twice?", "two_workspaces"),
            P("Refund duplicate payment", "The payment failed on Monday, I retried it on Tuesday and now both went through. Can you refund one of them?", "refunded"),
        ],
        "nl": [
            P("Dubbel afgeschreven", "Er is deze maand twee keer {amount} afgeschreven. Kunnen jullie één van de twee terugstorten?"),
            P("Twee keer betaald!", "Jullie hebben het bedrag TWEE keer van onze rekening gehaald. Wij zijn een klein bedrijf, dit kan echt niet. Ik wil het geld vandaag terug.", "refunded"),
            P("Dubbele afschrijving na nieuwe kaart", "Nadat ik gisteren onze kaart heb aangepast, zie ik twee afschrijvingen van Tasklane in mijn bank-app. Eén staat nog 'in behandeling'. Betaal ik nu dubbel?", "pending_auth"),
            P("Terugbetaling", "Onze boekhouder zag bij het afletteren dat factuur {invoice} twee keer is betaald. Kunnen jullie het dubbele bedrag terugstorten?", "refunded"),
            P("2x betaald", "waarom 2x afgeschreven deze maand??"),
            P("Twee werkruimtes?", "Sinds de zomer wordt er elke maand twee keer afgeschreven en dat zie ik nu pas. We gebruiken maar één team. Kunnen jullie kijken wat er aan de hand is?", "two_workspaces"),
            P("Mislukt en toch dubbel", "Maandag mislukte de betaling, dinsdag heb ik het opnieuw geprobeerd en nu zijn ze allebei doorgegaan. Graag één terug.", "refunded"),
            P("Onbekende afschrijving", "Er staat een extra afschrijving van Tasklane op ons afschrift, hetzelfde bedrag als normaal. Heb ik me per ongeluk twee keer aangemeld?", "two_workspaces"),
            P("Dubbele factuur", "Wij hebben voor {last_month} twee facturen ontvangen ({invoice} en {invoice2}) en ze zijn allebei betaald. Dat klopt toch niet?", "refunded"),
        ],
    },
    "answers": {
        "en": {
            "pending_auth": T("""
                I've checked your account and we've only taken one payment of {amount} this month. The second line you're seeing is a temporary authorisation that your bank placed when the card was added. It was never actually charged, and your bank will release it automatically within 5-7 business days.

                You can check this yourself:
                1. Go to Settings > Billing > Invoices - there's only one paid invoice for this month.
                2. In your banking app, the second line should be marked "pending" rather than completed.

                If it's still there after 7 business days, reply with a screenshot of your statement (feel free to black out everything except the two Tasklane lines) and we'll look into it straight away.
            """),
            "refunded": T("""
                You're right - you were charged twice for invoice {invoice}. This happened because a payment was retried while the first attempt was still being processed. I'm sorry about that.

                I've refunded the duplicate payment of {amount} to the card it was taken from. Refunds usually show up within 5-10 business days, depending on your bank. You'll also find a credit note under Settings > Billing > Invoices.

                There's nothing else you need to do.
            """),
            "two_workspaces": T("""
                I've had a look, and the two charges are for two different workspaces that use the same card: your main workspace and a second one that was created a few months ago, probably when someone signed up again instead of accepting an invite. Both are on a paid plan, so both were billed.

                If you don't need the second workspace:
                1. Open the workspace menu in the top-left corner and switch to the other workspace.
                2. Go to Settings > Billing > Plan and click "Cancel subscription".
                3. Reply to this email and I'll refund this month's charge for it.

                If there are projects in it you want to keep, you can move them first via the project's ⋯ menu > "Move to workspace".
            """),
        },
        "nl": {
            "pending_auth": T("""
                Ik heb je account bekeken en we hebben deze maand maar één betaling van {amount} ontvangen. De tweede regel die je ziet is een tijdelijke autorisatie die je bank heeft gezet toen de kaart werd toegevoegd. Die is nooit echt afgeschreven en je bank geeft hem binnen 5 tot 7 werkdagen automatisch vrij.

                Je kunt het zelf controleren:
                1. Ga naar Instellingen > Facturatie > Facturen; daar staat voor deze maand maar één betaalde factuur.
                2. In je bank-app staat de tweede regel als "in behandeling" en niet als afgeschreven.

                Staat hij er na 7 werkdagen nog? Stuur dan een screenshot van je afschrift (maak gerust alles zwart behalve de twee regels van Tasklane), dan zoeken we het direct uit.
            """),
            "refunded": T("""
                Je hebt gelijk: factuur {invoice} is twee keer betaald. Dat kwam doordat een betaling opnieuw werd geprobeerd terwijl de eerste nog verwerkt werd. Excuses daarvoor.

                Ik heb de dubbele betaling van {amount} teruggestort op de rekening of kaart waarvan hij is afgeschreven. Meestal staat het bedrag binnen 5 tot 10 werkdagen weer op je rekening. Je vindt ook een creditnota bij Instellingen > Facturatie > Facturen.

                Je hoeft verder niets te doen.
            """),
            "two_workspaces": T("""
                Ik heb het bekeken: de twee afschrijvingen horen bij twee verschillende werkruimtes die met dezelfde kaart betaald worden. Naast jullie hoofdwerkruimte is er een paar maanden geleden een tweede aangemaakt, waarschijnlijk doordat iemand zich opnieuw aanmeldde in plaats van een uitnodiging te accepteren. Beide hebben een betaald abonnement.

                Heb je de tweede werkruimte niet nodig?
                1. Wissel via het werkruimtemenu linksboven naar de andere werkruimte.
                2. Ga naar Instellingen > Facturatie > Abonnement en klik op "Abonnement opzeggen".
                3. Laat het me weten, dan stort ik de afschrijving van deze maand voor die werkruimte terug.

                Staan er projecten in die je wilt houden? Verplaats ze dan eerst via het ⋯-menu van het project > "Naar werkruimte verplaatsen".
            """),
        },
    },
})

TOPICS.append({
    "key": "export_csv",
    "group": "Data & privacy",
    "tags": ["export", "data"],
    "type": "question",
    "priority": {"normal": 7, "low": 3},
    "tickets": {"en": 14, "nl": 9},
    "generic_answers": ["csv"],
    "phrasings": {
        "en": [
            P("Export to CSV", "Is it possible to export a project to CSV or Excel? I want to do some reporting on task completion."),
            P("Export all our data", "We're doing an annual review and need all tasks across all projects in a spreadsheet. How do I export?", "csv"),
            P("CSV export missing comments", "I exported our project to CSV but the comments aren't in there. I need the whole history including comments and files for a client handover.", "full_export"),
            P("Weird characters in export", "When I open the export in Excel, all the accented names look like Ã© and everything is in one column. What am I doing wrong?", "excel"),
            P("export", "how do i get my tasks out into excel"),
            P("Backup of projects", "Do you have a way to download a backup of all our projects? Our IT policy says we need a local copy of critical data every quarter.", "full_export"),
            P("Export option missing", "I can't see the Export option in the project menu. A colleague says it's there for her. Am I missing something?", "csv"),
            P("Report for client", "Our client wants a list of all tasks we completed last month, with dates and who did them. Can I get that out of Tasklane?", "csv"),
            P("Export subtasks", "Does the CSV export include subtasks and custom fields? I need the 'Budget' custom field in particular.", "csv"),
            P("Excel shows everything in one cell", "Exported to CSV and Excel puts every row in column A with commas in between. I'm on a Swedish Windows laptop if that matters.", "excel"),
            P("Leaving Tasklane - need data", "We're moving off Tasklane next month. What's the best way to get ALL of our data out, including attachments?", "full_export"),
            P("Export of completed tasks", "How do I export only the completed tasks for Q3? I need it to bill our client for hours."),
        ],
        "nl": [
            P("Exporteren naar Excel", "Kan ik een project exporteren naar CSV of Excel? Ik wil rapportages maken over afgeronde taken."),
            P("Alle taken in een spreadsheet", "Voor onze jaarafsluiting hebben we alle taken van alle projecten nodig in een spreadsheet. Hoe exporteer ik dat?", "csv"),
            P("Opmerkingen ontbreken in export", "Ik heb het project naar CSV geëxporteerd, maar de opmerkingen staan er niet in. Voor de overdracht aan de klant heb ik alles nodig, ook de bijlagen.", "full_export"),
            P("Rare tekens in Excel", "Als ik de export in Excel open staat alles in één kolom en zien letters als é eruit als Ã©. Wat doe ik fout?", "excel"),
            P("export", "hoe krijg ik mijn taken in excel"),
            P("Back-up", "Hebben jullie een manier om een back-up van al onze projecten te downloaden? Volgens ons ICT-beleid moeten we elk kwartaal een lokale kopie hebben.", "full_export"),
            P("Overzicht voor opdrachtgever", "Onze opdrachtgever wil een lijst van alle taken die we vorige maand hebben afgerond, met datum en wie het gedaan heeft. Kan dat uit Tasklane?", "csv"),
            P("Exportknop zie ik niet", "In het projectmenu zie ik geen optie om te exporteren. Mijn collega zegt dat het er bij haar wel staat. Mis ik iets?", "csv"),
            P("We stoppen, data meenemen", "We stoppen volgende maand met Tasklane. Hoe krijgen we al onze gegevens eruit, inclusief bijlagen?", "full_export"),
            P("Puntkomma's", "De CSV-export opent bij ons in Excel als één lange kolom met komma's. Kan het bestand ook met puntkomma's?", "excel"),
        ],
    },
    "answers": {
        "en": {
            "csv": T("""
                You can export any project to a CSV file:

                1. Open the project.
                2. Click the ⋯ menu next to the project name and choose Export > CSV.
                3. Choose whether to include completed tasks (and a date range if you only need, say, one quarter), then click "Export".

                The file downloads straight away and includes task names, sections, assignees, due dates, completion dates, status, tags, subtasks and custom fields. It opens in Excel, Numbers and Google Sheets. The Export option is only shown to members with "Can edit" access to the project, so if you don't see it, ask the project owner to change your access.
            """),
            "full_export": T("""
                The CSV export only contains task fields - comments and attachments can't fit into a spreadsheet. To get everything, use the full workspace export:

                1. Go to Settings > Data > Export workspace.
                2. Choose "Everything (JSON + attachments)" and click "Start export".
                3. We'll email you a download link when it's ready (usually within an hour, even for large workspaces). The link is valid for 7 days.

                Only workspace admins can start a full export. The JSON file contains every project, task, comment and activity entry; attachments are in a separate folder in the same ZIP file.
            """),
            "excel": T("""
                That's Excel opening the file with the wrong character set and separator. Our CSV files are UTF-8 with commas, and some language versions of Excel expect semicolons. To open it properly:

                1. Open a blank workbook in Excel.
                2. Go to Data > From Text/CSV and choose the exported file.
                3. Set "File origin" to "65001: Unicode (UTF-8)" and "Delimiter" to "Comma", then click "Load".

                Alternatively, tick "Excel-compatible (semicolons)" in the export dialog before you click "Export" - that version opens correctly with a double-click in Dutch, German and Swedish Excel.
            """),
        },
        "nl": {
            "csv": T("""
                Je kunt elk project exporteren naar een CSV-bestand:

                1. Open het project.
                2. Klik op het ⋯-menu naast de projectnaam en kies Exporteren > CSV.
                3. Kies of je afgeronde taken wilt meenemen (en eventueel een periode) en klik op "Exporteren".

                Het bestand wordt meteen gedownload en bevat taaknamen, secties, toegewezen personen, deadlines, afrondingsdatums, status, labels, subtaken en aangepaste velden. Je opent het in Excel, Numbers of Google Sheets. De optie Exporteren zie je alleen als je "Kan bewerken" hebt op het project; zie je hem niet, vraag de projecteigenaar dan om je rechten aan te passen.
            """),
            "full_export": T("""
                In de CSV-export staan alleen de taakvelden; opmerkingen en bijlagen passen niet in een spreadsheet. Voor alles gebruik je de volledige export van de werkruimte:

                1. Ga naar Instellingen > Gegevens > Werkruimte exporteren.
                2. Kies "Alles (JSON + bijlagen)" en klik op "Export starten".
                3. Je krijgt een e-mail met een downloadlink zodra de export klaar is (meestal binnen een uur). De link is 7 dagen geldig.

                Alleen beheerders van de werkruimte kunnen een volledige export starten. Het JSON-bestand bevat alle projecten, taken, opmerkingen en activiteiten; de bijlagen staan in een aparte map in hetzelfde zip-bestand.
            """),
            "excel": T("""
                Excel opent het bestand met de verkeerde tekenset en het verkeerde scheidingsteken. Onze CSV-bestanden zijn UTF-8 met komma's, terwijl de Nederlandse Excel puntkomma's verwacht. Zo open je hem goed:

                1. Open een lege werkmap in Excel.
                2. Ga naar Gegevens > Van tekst/CSV en kies het geëxporteerde bestand.
                3. Zet "Bestandsoorsprong" op "65001: Unicode (UTF-8)" en "Scheidingsteken" op "Komma" en klik op "Laden".

                Makkelijker: vink in het exportvenster "Excel-compatibel (puntkomma's)" aan voordat je op "Exporteren" klikt. Dat bestand opent met een dubbelklik meteen goed.
            """),
        },
    },
})

TOPICS.append({
    "key": "invite_seats",
    "group": "Account",
    "tags": ["team", "seats", "invite"],
    "type": "question",
    "priority": {"normal": 8, "low": 1, "high": 1},
    "tickets": {"en": 19, "nl": 10, "sv": 7},
    "generic_answers": ["invite", "seats"],
    "phrasings": {
        "en": [
            P("Add a new team member", "How do I add a new colleague to our workspace? She starts on Monday: {colleague_email}.", "invite"),
            P("Seat limit reached", "Trying to invite someone and it says 'You've reached your seat limit'. We're on the Team plan. What now?", "seats"),
            P("Invite not received", "I invited {colleague} ({colleague_email}) three days ago but she says she never got anything. I've checked the address twice.", "resend"),
            P("Can't invite people", "The Invite button is greyed out for me. I'm a project lead, shouldn't I be able to add people to my own project?", "invite"),
            P("Adding a client", "We'd like to give our client access to one project so they can follow progress. Do they need a paid seat? We don't want them seeing our other projects.", "guests"),
            P("Need 5 more seats", "We're hiring and need 5 more seats this month. How do I add them and what will it cost?", "seats"),
            P("seats", "we have {seats} seats but only 9 people are using tasklane. why does it say we're full", "seats"),
            P("Invite link expired", "A freelancer I invited last month says the invite link has expired. How do I send a new one?", "resend"),
            P("Team member can't join", "Our new hire clicks the invite link and ends up in a new empty workspace of her own instead of ours. Very confusing. How do we get her into our team?", "resend"),
            P("Add someone to the team", "quick q - how do I add my business partner so he can see everything? thanks", "invite"),
            P("Remove old staff to free seats", "Two people have left the company and we want to give their seats to new starters. How do we do that without losing the tasks assigned to the leavers?", "seats"),
            P("Inviting external freelancers", "We work with 3 freelance designers. Do they each need a full licence, or is there a cheaper way for them to see the design project?", "guests"),
            P("Bulk invite", "Is there a way to invite 30 people at once? We're rolling Tasklane out to the whole operations department next week.", "invite"),
            P("Can't add user", "Every time I try to add {colleague_email} it fails with an error. No idea why. We definitely have space, we only use half our seats."),
        ],
        "nl": [
            P("Nieuwe collega toevoegen", "Hoe voeg ik een nieuwe collega toe aan onze werkruimte? Ze begint maandag: {colleague_email}.", "invite"),
            P("Maximum aantal gebruikers bereikt", "Ik probeer iemand uit te nodigen maar krijg de melding dat we het maximale aantal plekken hebben bereikt. We hebben het Team-abonnement. Wat nu?", "seats"),
            P("Uitnodiging niet ontvangen", "Ik heb {colleague} drie dagen geleden uitgenodigd ({colleague_email}) maar ze heeft niks ontvangen. Het adres klopt echt.", "resend"),
            P("Klant toegang geven", "We willen onze opdrachtgever toegang geven tot één project zodat hij kan meekijken. Heeft hij dan een betaalde licentie nodig? Hij mag de andere projecten niet zien.", "guests"),
            P("Extra licenties", "We groeien en hebben deze maand 4 extra plekken nodig. Hoe voeg ik die toe en wat kost dat?", "seats"),
            P("uitnodigen lukt niet", "de knop uitnodigen is grijs bij mij. ik ben wel projectleider, moet ik dan niet zelf mensen kunnen toevoegen?", "invite"),
            P("Uitnodigingslink verlopen", "Een zzp'er die ik vorige maand heb uitgenodigd zegt dat de link verlopen is. Hoe stuur ik een nieuwe?", "resend"),
            P("Plekken vrijmaken", "Twee collega's zijn uit dienst. Hoe geef ik hun plekken aan nieuwe mensen zonder dat hun taken verdwijnen?", "seats"),
            P("Freelancers", "Wij werken met een paar freelance ontwerpers. Hebben die elk een volledige licentie nodig of kan het goedkoper?", "guests"),
            P("Collega komt in lege werkruimte", "Onze nieuwe collega klikt op de uitnodiging en komt dan in een eigen, lege werkruimte terecht in plaats van in de onze. Hoe krijgen we haar in ons team?", "resend"),
        ],
        "sv": [
            P("Lägga till kollega", "Hur lägger jag till en ny kollega i vår arbetsyta? Hon börjar på måndag, {colleague_email}.", "invite"),
            P("Max antal platser", "När jag försöker bjuda in någon står det att vi har nått maxgränsen för platser. Vi har Team-planen. Vad gör vi?", "seats"),
            P("Inbjudan kom aldrig fram", "Jag bjöd in {colleague} ({colleague_email}) i förrgår men hon har inte fått något mejl.", "resend"),
            P("Kund som gäst", "Vi vill att vår kund ska kunna följa ett projekt. Behöver de en betald licens? De ska inte se våra andra projekt.", "guests"),
            P("Fler licenser", "Vi behöver tre platser till från nästa månad. Hur lägger jag till dem och vad kostar det?", "seats"),
            P("bjuda in", "knappen för att bjuda in är grå för mig, varför?", "invite"),
            P("Inbjudningslänken har gått ut", "En konsult jag bjöd in för ett tag sedan säger att länken har gått ut. Hur skickar jag en ny?", "resend"),
            P("Frilansare", "Vi jobbar med några frilansande formgivare. Måste de ha varsin full licens?", "guests"),
        ],
    },
    "answers": {
        "en": {
            "invite": T("""
                To invite someone to your workspace:

                1. Go to Settings > Members.
                2. Click "Invite people".
                3. Enter their email addresses - one per line, or paste a whole list - and choose a role: Member, Admin or Guest.
                4. Click "Send invites".

                They'll get an email with a link to join. Only workspace admins can invite new members; project leads can add people who are already in the workspace to their projects, but can't invite new people. If the button is greyed out for you, ask an admin to invite them or to make you an admin.
            """),
            "seats": T("""
                That message means every seat you've paid for is in use - and pending invites count as seats too. You can either add seats or free one up.

                To add seats:
                1. Go to Settings > Billing > Seats.
                2. Click "Add seats", choose how many you need and confirm.
                3. You're charged a pro-rated amount for the rest of the current billing period.

                To free up a seat, go to Settings > Members, click ⋯ next to someone who no longer needs access and choose "Deactivate". Their tasks and comments stay where they are and can be reassigned. Cancelling old invites under the "Pending" tab frees seats as well.
            """),
            "guests": T("""
                For people outside your company, such as clients or freelancers, you can invite them as guests. Guests are free and don't use a seat:

                1. Go to Settings > Members > "Invite people".
                2. Enter their email address and set the role to "Guest".
                3. Choose which projects they can see, then click "Send invites".

                Guests can view and comment on the projects you share with them and can be assigned tasks, but they can't create projects or see anything else in your workspace. The Team plan includes 5 guests and Business includes 50.
            """),
            "resend": T("""
                Let's get that invite to them:

                1. Go to Settings > Members > Pending and check that the address is spelled correctly.
                2. Click ⋯ next to it and choose "Resend invite". Invite links expire after 7 days, so older ones always need resending.
                3. Ask them to look in their spam or junk folder for an email from no-reply@tasklane.example.
                4. If it still doesn't arrive, click ⋯ > "Copy invite link" and send the link to them yourself.

                One important thing: they should join by clicking the link in the invite. If they sign up on our website instead, Tasklane creates a new, empty workspace for them. If that has already happened, they can just open the invite link while signed in and choose your workspace.
            """),
        },
        "nl": {
            "invite": T("""
                Zo nodig je iemand uit voor je werkruimte:

                1. Ga naar Instellingen > Leden.
                2. Klik op "Mensen uitnodigen".
                3. Vul de e-mailadressen in (één per regel, of plak een hele lijst) en kies een rol: Lid, Beheerder of Gast.
                4. Klik op "Uitnodigingen versturen".

                Ze krijgen een e-mail met een link om mee te doen. Alleen beheerders kunnen nieuwe mensen uitnodigen. Projectleiders kunnen wel mensen die al in de werkruimte zitten aan hun project toevoegen. Is de knop bij jou grijs, vraag dan een beheerder om de uitnodiging te sturen.
            """),
            "seats": T("""
                Die melding betekent dat alle plekken waarvoor je betaalt in gebruik zijn; openstaande uitnodigingen tellen ook mee. Je kunt plekken bijkopen of er een vrijmaken.

                Plekken bijkopen:
                1. Ga naar Instellingen > Facturatie > Plekken.
                2. Klik op "Plekken toevoegen", kies het aantal en bevestig.
                3. Je betaalt naar rato voor de rest van de huidige periode.

                Een plek vrijmaken: ga naar Instellingen > Leden, klik op ⋯ naast iemand die geen toegang meer nodig heeft en kies "Deactiveren". Taken en opmerkingen blijven gewoon staan en kun je aan iemand anders toewijzen. Oude uitnodigingen intrekken onder het tabblad "Openstaand" maakt ook plekken vrij.
            """),
            "guests": T("""
                Mensen buiten je organisatie, zoals opdrachtgevers of freelancers, kun je als gast uitnodigen. Gasten zijn gratis en nemen geen plek in:

                1. Ga naar Instellingen > Leden > "Mensen uitnodigen".
                2. Vul het e-mailadres in en kies de rol "Gast".
                3. Kies welke projecten ze mogen zien en klik op "Uitnodigingen versturen".

                Gasten kunnen de gedeelde projecten bekijken, reageren en taken toegewezen krijgen, maar ze zien verder niets van je werkruimte. Bij het Team-abonnement horen 5 gasten, bij Business 50.
            """),
            "resend": T("""
                Zo komt de uitnodiging alsnog aan:

                1. Ga naar Instellingen > Leden > Openstaand en controleer of het adres goed gespeld is.
                2. Klik op ⋯ en kies "Uitnodiging opnieuw versturen". Uitnodigingslinks zijn 7 dagen geldig, oudere moet je dus altijd opnieuw sturen.
                3. Laat je collega in de map met ongewenste e-mail kijken naar een bericht van no-reply@tasklane.example.
                4. Komt hij nog steeds niet aan, klik dan op ⋯ > "Uitnodigingslink kopiëren" en stuur de link zelf door.

                Belangrijk: je collega moet via de link in de uitnodiging meedoen. Wie zich via onze website aanmeldt, krijgt een nieuwe, lege werkruimte. Is dat al gebeurd, dan kan ze de uitnodigingslink openen terwijl ze ingelogd is en jullie werkruimte kiezen.
            """),
        },
        "sv": {
            "invite": T("""
                Så bjuder du in någon till arbetsytan:

                1. Gå till Inställningar > Medlemmar.
                2. Klicka på "Bjud in personer".
                3. Skriv in e-postadresserna (en per rad) och välj roll: Medlem, Administratör eller Gäst.
                4. Klicka på "Skicka inbjudningar".

                De får ett mejl med en länk. Bara administratörer kan bjuda in nya personer; projektledare kan lägga till personer som redan finns i arbetsytan i sina projekt. Är knappen grå för dig, be en administratör skicka inbjudan.
            """),
            "seats": T("""
                Meddelandet betyder att alla platser ni betalar för används, och väntande inbjudningar räknas också. Ni kan lägga till platser eller frigöra en.

                Lägga till platser:
                1. Gå till Inställningar > Fakturering > Platser.
                2. Klicka på "Lägg till platser", välj antal och bekräfta.
                3. Ni debiteras proportionellt för resten av perioden.

                För att frigöra en plats, gå till Inställningar > Medlemmar, klicka på ⋯ vid någon som inte behöver tillgång längre och välj "Inaktivera". Uppgifter och kommentarer finns kvar.
            """),
            "guests": T("""
                Personer utanför företaget, som kunder eller frilansare, kan bjudas in som gäster. Gäster är gratis och tar ingen plats:

                1. Gå till Inställningar > Medlemmar > "Bjud in personer".
                2. Skriv in e-postadressen och välj rollen "Gäst".
                3. Välj vilka projekt de ska se och klicka på "Skicka inbjudningar".

                Gäster kan se och kommentera projekten ni delar och få uppgifter tilldelade, men ser inget annat. Team-planen har 5 gäster och Business 50.
            """),
            "resend": T("""
                Så här får du fram inbjudan:

                1. Gå till Inställningar > Medlemmar > Väntande och kontrollera att adressen är rätt stavad.
                2. Klicka på ⋯ och välj "Skicka inbjudan igen". Inbjudningslänkar gäller i 7 dagar.
                3. Be personen titta i skräpposten efter ett mejl från no-reply@tasklane.example.
                4. Kommer det ändå inte fram, klicka på ⋯ > "Kopiera inbjudningslänk" och skicka länken själv.
            """),
        },
    },
})

TOPICS.append({
    "key": "change_email",
    "group": "Account",
    "tags": ["account", "email"],
    "type": "question",
    "priority": {"normal": 8, "low": 2},
    "tickets": {"en": 12, "nl": 9},
    "generic_answers": ["change"],
    "phrasings": {
        "en": [
            P("Change my email address", "I've got a new work email ({new_email}) and want to use that for Tasklane instead of my old one. How do I change it?", "change"),
            P("Company changed domain", "Our company rebranded and all our email addresses changed (mine went from {old_email} to {new_email}). Do we all need new accounts??", "old_mailbox"),
            P("update email", "how do i update the email on my account"),
            P("Can't change email - Google login", "I want to change my login email but the field is greyed out and says 'Managed by Google'. What does that mean?", "google"),
            P("Lost access to old email", "I left my old job and no longer have access to that mailbox, but my personal Tasklane account is still on it. I'm still logged in on my laptop. Can I change it to {new_email}?", "old_mailbox"),
            P("Typo in my email", "I signed up with a typo in my email address and now I don't get any notifications. It should be {new_email}. Can you fix it?", "change"),
            P("Email change confirmation not received", "I changed my email in settings but the confirmation never came to the new address, and the old one is still shown. Tried twice.", "change"),
            P("Switch account to work address", "I've been using Tasklane with my personal Gmail and now my employer is paying for it. How do I move my account to my work email without losing my projects?", "google"),
            P("New email address", "Please change the email on my account from {old_email} to {new_email}. Thank you.", "old_mailbox"),
            P("Change login", "Can I change the email I log in with? I'm getting married and changing my surname, so my work email is changing too.", "change"),
            P("Email already in use", "I need to update the email address on my account but it keeps saying 'This email is already in use'. It's my own address - I think I created a second account ages ago by mistake.", "in_use"),
        ],
        "nl": [
            P("E-mailadres wijzigen", "Ik heb een nieuw werkadres ({new_email}) en wil dat voortaan gebruiken voor Tasklane. Hoe pas ik het aan?", "change"),
            P("Nieuw domein", "Ons bedrijf heeft een nieuwe naam en alle e-mailadressen zijn veranderd (de mijne van {old_email} naar {new_email}). Moeten we nu allemaal een nieuw account maken?", "old_mailbox"),
            P("emailadres", "hoe verander ik mijn emailadres"),
            P("E-mail grijs - Google", "Ik wil mijn inlogadres veranderen maar het veld is grijs en er staat 'Beheerd door Google'. Wat betekent dat?", "google"),
            P("Geen toegang meer tot oude mail", "Ik werk niet meer bij mijn oude werkgever en kan niet meer bij die mailbox, maar mijn Tasklane-account staat daar nog op. Ik ben nog wel ingelogd op mijn laptop. Kan ik het veranderen naar {new_email}?", "old_mailbox"),
            P("Typfout in e-mailadres", "Ik heb me aangemeld met een typfout in mijn e-mailadres en krijg daardoor geen meldingen. Het moet {new_email} zijn.", "change"),
            P("Bevestigingsmail komt niet", "Ik heb mijn e-mailadres in de instellingen aangepast, maar de bevestigingsmail komt niet aan op het nieuwe adres. Twee keer geprobeerd.", "change"),
            P("Adres al in gebruik", "Als ik mijn e-mailadres wil wijzigen krijg ik 'Dit e-mailadres is al in gebruik'. Het is gewoon mijn eigen adres. Misschien heb ik ooit per ongeluk een tweede account gemaakt?", "in_use"),
            P("Wijziging e-mailadres", "Graag het e-mailadres van mijn account wijzigen van {old_email} naar {new_email}. Alvast dank.", "old_mailbox"),
            P("Nieuwe achternaam", "Ik ben getrouwd en mijn achternaam en dus ook mijn werkmail veranderen. Kan ik het e-mailadres waarmee ik inlog aanpassen zonder alles kwijt te raken?", "change"),
        ],
    },
    "answers": {
        "en": {
            "change": T("""
                You can change the email address you sign in with yourself:

                1. Go to Settings > Profile.
                2. Next to "Email", click "Change".
                3. Enter the new address and your current password, then click "Send confirmation".
                4. Open the email we send to the new address and click "Confirm". Until you do, you keep signing in with the old address.

                Your projects, tasks and notification settings stay exactly the same. If the confirmation doesn't arrive within a few minutes, check the spam folder of the new mailbox, or ask your IT team whether mail from no-reply@tasklane.example is being held back.
            """),
            "google": T("""
                Because you sign in with Google, your Tasklane email is tied to your Google account and can't be edited directly. Here's how to move to the new address:

                1. Sign in with your current Google account.
                2. Go to Settings > Profile > Sign-in method and click "Switch to email and password". Set a password when asked.
                3. Go to Settings > Profile > Email, click "Change" and enter the new address.
                4. Confirm the change from the email we send to the new address.

                Afterwards you can link a Google account again under Settings > Profile > Sign-in method if you like. Your projects and tasks aren't affected at any point.
            """),
            "old_mailbox": T("""
                No need for new accounts. As long as you're signed in, you can change the address yourself even without access to the old mailbox - the confirmation only goes to the new address:

                1. Go to Settings > Profile > Email and click "Change".
                2. Enter {new_email} and your password.
                3. Click the link in the email that arrives at {new_email}.

                If your whole company has moved to a new domain, a workspace admin can update everyone at once: Settings > Members > ⋯ > "Change email domain". Everyone keeps their projects, tasks and history.
            """),
            "in_use": T("""
                That message means there's already a Tasklane account on that address - probably one that was created a while ago. To free it up:

                1. Sign in to the other account with that address (use "Forgot password?" on the sign-in page if you need to).
                2. If there's nothing in it you need, go to Settings > Account > "Delete account".
                3. Back in your main account, go to Settings > Profile > Email > "Change" and enter the address again.

                If the other account has projects you'd like to keep, invite your main account to those projects first, or reply here and we'll merge the two accounts for you.
            """),
        },
        "nl": {
            "change": T("""
                Je kunt het e-mailadres waarmee je inlogt zelf wijzigen:

                1. Ga naar Instellingen > Profiel.
                2. Klik naast "E-mail" op "Wijzigen".
                3. Vul het nieuwe adres en je huidige wachtwoord in en klik op "Bevestiging versturen".
                4. Open de e-mail die we naar het nieuwe adres sturen en klik op "Bevestigen". Tot die tijd log je nog in met het oude adres.

                Je projecten, taken en meldingsinstellingen blijven precies hetzelfde. Komt de bevestiging niet binnen een paar minuten, kijk dan in de spammap van het nieuwe adres of vraag je ICT-afdeling of mail van no-reply@tasklane.example wordt tegengehouden.
            """),
            "google": T("""
                Omdat je inlogt met Google, hangt je e-mailadres in Tasklane aan je Google-account en kun je het niet direct aanpassen. Zo stap je over naar het nieuwe adres:

                1. Log in met je huidige Google-account.
                2. Ga naar Instellingen > Profiel > Inlogmethode en klik op "Overstappen op e-mail en wachtwoord". Kies een wachtwoord.
                3. Ga naar Instellingen > Profiel > E-mail, klik op "Wijzigen" en vul het nieuwe adres in.
                4. Bevestig de wijziging via de e-mail die we naar het nieuwe adres sturen.

                Daarna kun je eventueel weer een Google-account koppelen via Instellingen > Profiel > Inlogmethode. Je projecten en taken blijven gewoon staan.
            """),
            "old_mailbox": T("""
                Een nieuw account is niet nodig. Zolang je ingelogd bent, kun je het adres zelf wijzigen, ook zonder toegang tot de oude mailbox; de bevestiging gaat alleen naar het nieuwe adres:

                1. Ga naar Instellingen > Profiel > E-mail en klik op "Wijzigen".
                2. Vul {new_email} en je wachtwoord in.
                3. Klik op de link in de e-mail die op {new_email} binnenkomt.

                Is jullie hele bedrijf naar een nieuw domein verhuisd? Dan kan een beheerder iedereen in één keer aanpassen via Instellingen > Leden > ⋯ > "E-maildomein wijzigen". Iedereen houdt zijn projecten, taken en geschiedenis.
            """),
            "in_use": T("""
                Die melding betekent dat er al een Tasklane-account op dat adres bestaat, waarschijnlijk een dat je lang geleden hebt aangemaakt. Zo maak je het adres vrij:

                1. Log in op dat andere account (gebruik zo nodig "Wachtwoord vergeten?" op de inlogpagina).
                2. Staat er niets in wat je nodig hebt, ga dan naar Instellingen > Account > "Account verwijderen".
                3. Ga in je hoofdaccount naar Instellingen > Profiel > E-mail > "Wijzigen" en vul het adres opnieuw in.

                Staan er projecten in het andere account die je wilt bewaren? Nodig dan eerst je hoofdaccount uit voor die projecten, of laat het ons weten, dan voegen wij de twee accounts samen.
            """),
        },
    },
})

TOPICS.append({
    "key": "mobile_sync",
    "group": "Mobile app",
    "tags": ["mobile", "sync"],
    "type": "problem",
    "priority": {"normal": 6, "high": 4},
    "tickets": {"en": 20, "nl": 10, "sv": 7},
    # App 5.12.0 shipped on 28 September with a sync bug: most of these tickets come after it.
    "peak": ("2026-09-28", "2026-10-31", 0.7),
    "generic_answers": ["refresh"],
    "answer_after": {"known_bug": "2026-09-28"},
    "phrasings": {
        "en": [
            P("App not syncing", "Tasks I create on my laptop don't show up in the iPhone app. Been like this since yesterday. The app says everything is up to date but it clearly isn't.", "known_bug"),
            P("Mobile app out of sync", "The Android app is showing tasks that I completed days ago as still open. I've tried pulling down to refresh, no change.", "refresh"),
            P("Changes on phone lost?", "I updated a bunch of tasks on the train this morning and they're not on the web app. The app shows 'Waiting to sync' on each one. Have I lost them?", "waiting"),
            P("sync broken after update", "since the last update the app doesnt sync anymore. web works fine. iphone 14, latest ios", "known_bug"),
            P("Phone and desktop show different things", "My phone and my desktop show different due dates for the same task. Which one is right?! I nearly missed a deadline because of this.", "refresh"),
            P("App stuck on syncing", "The mobile app is stuck on 'Syncing…' forever. I left it for an hour on wifi.", "refresh"),
            P("Team can't see my updates from mobile", "When I tick off tasks in the app my team doesn't see it - they keep asking me if things are done. On the desktop it works fine.", "waiting"),
            P("Sync issues since 5.12", "Since updating to 5.12.0 the app only shows new comments after I force close it. Is this a known bug?", "known_bug", "2026-09-28"),
            P("Notifications but no tasks", "I get push notifications for new tasks, but when I open the app the task isn't there. Very frustrating when I'm on site and can't check a laptop.", "known_bug"),
            P("Android app not updating", "Samsung phone, Tasklane app. The projects list hasn't changed in 3 days although my colleagues have added 2 new projects. Reinstalled once already.", "refresh"),
            P("Offline edits", "I work in a basement with no signal. Edits I make down there never seem to reach the server, even after I go back upstairs. What's the deal?", "waiting"),
            P("iPad app sync", "The iPad app doesn't show the subtasks I add on my Mac. The iPhone app does. Weird.", "known_bug"),
            P("Mobile not showing new tasks", "New tasks assigned to me aren't appearing in the mobile app until the next day. Running version {app_version} on {device}."),
        ],
        "nl": [
            P("App synchroniseert niet", "Taken die ik op mijn laptop aanmaak verschijnen niet in de app op mijn iPhone. Sinds gisteren al. De app zegt dat alles bijgewerkt is, maar dat klopt niet.", "known_bug"),
            P("Android-app loopt achter", "De Android-app laat taken die ik dagen geleden heb afgerond nog als open zien. Naar beneden trekken om te verversen helpt niet.", "refresh"),
            P("Wijzigingen kwijt?", "Ik heb vanochtend in de trein een heleboel taken bijgewerkt en die staan niet in de webversie. Bij elke taak staat 'Wacht op synchronisatie'. Ben ik ze kwijt?", "waiting"),
            P("sync kapot na update", "sinds de laatste update synct de app niet meer. web werkt wel gewoon. iphone 13", "known_bug"),
            P("Telefoon en computer verschillend", "Op mijn telefoon en op de computer staan verschillende deadlines bij dezelfde taak. Welke klopt er nou? Ik had hierdoor bijna een deadline gemist.", "refresh"),
            P("Blijft hangen op synchroniseren", "De app blijft eindeloos op 'Synchroniseren…' staan. Heb hem een uur op wifi laten staan.", "refresh"),
            P("Team ziet mijn updates niet", "Als ik in de app taken afvink ziet mijn team dat niet, ze vragen steeds of iets al klaar is. Op de computer werkt het wel.", "waiting"),
            P("Bekend probleem 5.12?", "Sinds de update naar 5.12.0 zie ik nieuwe opmerkingen pas als ik de app helemaal afsluit. Is dit een bekend probleem?", "known_bug", "2026-09-28"),
            P("Geen bereik op de bouw", "Ik werk vaak op locatie zonder bereik. Wat ik daar aanpas komt nooit op de server, ook niet als ik weer bereik heb. Hoe kan dat?", "waiting"),
            P("Nieuwe taken niet zichtbaar in app", "Nieuwe taken die aan mij zijn toegewezen zie ik pas de volgende dag in de app. Ik gebruik versie {app_version} op een {device}."),
        ],
        "sv": [
            P("Appen synkar inte", "Uppgifter jag skapar på datorn syns inte i appen på min iPhone. Appen säger att allt är uppdaterat men så är det inte.", "known_bug"),
            P("Android-appen hänger efter", "Android-appen visar uppgifter som jag bockade av för flera dagar sedan som öppna. Att dra ner för att uppdatera hjälper inte.", "refresh"),
            P("Väntar på synkronisering", "Jag uppdaterade en massa uppgifter på tåget i morse och de syns inte på webben. Det står 'Väntar på synkronisering' på allihop. Har jag förlorat dem?", "waiting"),
            P("synk efter uppdatering", "sen senaste uppdateringen synkar inte appen. webben funkar. iphone 15", "known_bug"),
            P("Olika på mobil och dator", "Mobilen och datorn visar olika förfallodatum på samma uppgift. Vilken stämmer?", "refresh"),
            P("Fastnar på Synkroniserar", "Appen står på 'Synkroniserar…' hela tiden, även på wifi.", "refresh"),
            P("Teamet ser inte mina ändringar", "När jag bockar av uppgifter i appen ser inte mina kollegor det. På datorn fungerar det.", "waiting"),
            P("Känt fel i 5.12?", "Efter uppdateringen till 5.12.0 visas nya kommentarer först när jag stänger appen helt. Är det ett känt fel?", "known_bug", "2026-09-28"),
        ],
    },
    "answers": {
        "en": {
            "refresh": T("""
                Sorry about that! Most sync problems are fixed by letting the app download your data again:

                1. Make sure you have the latest version of Tasklane from the App Store or Google Play (the app shows its version under Settings > About).
                2. In the app, go to Settings > Account and tap "Sign out". Changes you made offline are uploaded before you're signed out.
                3. Sign back in and give it a minute to download your projects.

                On Android, if it still doesn't update, go to your phone's Settings > Apps > Tasklane > Storage and tap "Clear cache" (not "Clear data"), then open the app again.
            """),
            "known_bug": T("""
                Thanks for reporting this - it's a known issue in version 5.12.0 of the app: changes made on the web don't always appear on the phone until the app is restarted. Our developers are working on a fix, which will come in a free update through the App Store and Google Play.

                Until then, this gets the latest changes onto your phone:

                1. Close the app completely (swipe it away in the app switcher).
                2. Open it again and pull down on the task list to refresh.
                3. Keep automatic app updates switched on so you get the fix as soon as it's out.

                Sorry for the trouble, and thanks for bearing with us.
            """),
            "waiting": T("""
                The "Waiting to sync" label means the app has saved your changes on the phone but couldn't send them to our servers yet. This usually happens when the phone's battery saver stops Tasklane from using data in the background. Your changes are safe.

                1. Open the app and keep it open for a moment while you're connected to Wi-Fi or mobile data - the changes upload within a few seconds.
                2. On iPhone, go to Settings > Tasklane and make sure "Background App Refresh" and "Mobile Data" are switched on.
                3. On Android, go to Settings > Apps > Tasklane > Battery and choose "Unrestricted".

                Please don't sign out or reinstall the app while changes are still waiting, as that would delete them.
            """),
        },
        "nl": {
            "refresh": T("""
                Vervelend! De meeste synchronisatieproblemen los je op door de app je gegevens opnieuw te laten ophalen:

                1. Controleer of je de nieuwste versie van Tasklane hebt uit de App Store of Google Play (de versie staat in de app onder Instellingen > Over).
                2. Ga in de app naar Instellingen > Account en tik op "Uitloggen". Wijzigingen die je offline hebt gedaan worden eerst verstuurd.
                3. Log opnieuw in en geef de app een minuutje om je projecten op te halen.

                Op Android: werkt het daarna nog niet, ga dan op je telefoon naar Instellingen > Apps > Tasklane > Opslag en tik op "Cache wissen" (niet "Gegevens wissen"). Open de app daarna opnieuw.
            """),
            "known_bug": T("""
                Bedankt voor je melding. Dit is een bekend probleem in versie 5.12.0 van de app: wijzigingen die op het web worden gedaan, verschijnen soms pas op je telefoon als je de app opnieuw opstart. Onze ontwikkelaars werken aan een oplossing, die komt als gratis update via de App Store en Google Play.

                Tot die tijd krijg je zo de nieuwste wijzigingen op je telefoon:

                1. Sluit de app helemaal af (veeg hem weg in het overzicht van geopende apps).
                2. Open hem opnieuw en trek de takenlijst naar beneden om te verversen.
                3. Laat automatische updates aan staan, dan krijg je de oplossing zodra hij er is.

                Sorry voor het ongemak en bedankt voor je geduld.
            """),
            "waiting": T("""
                "Wacht op synchronisatie" betekent dat de app je wijzigingen op je telefoon heeft opgeslagen, maar ze nog niet naar onze servers kon sturen. Meestal komt dat doordat de batterijbesparing van je telefoon Tasklane op de achtergrond geen data laat gebruiken. Je wijzigingen zijn dus niet weg.

                1. Open de app en laat hem even openstaan terwijl je verbinding hebt met wifi of mobiel internet; de wijzigingen worden binnen een paar seconden verstuurd.
                2. Op een iPhone: ga naar Instellingen > Tasklane en zet "Ververs op achtergrond" en "Mobiele data" aan.
                3. Op Android: ga naar Instellingen > Apps > Tasklane > Batterij en kies "Onbeperkt".

                Log niet uit en verwijder de app niet zolang er nog wijzigingen wachten, want dan ben je ze wel kwijt.
            """),
        },
        "sv": {
            "refresh": T("""
                Tråkigt! De flesta synkproblem löser sig om appen får hämta dina data på nytt:

                1. Kontrollera att du har den senaste versionen av Tasklane från App Store eller Google Play (versionen står under Inställningar > Om i appen).
                2. Gå till Inställningar > Konto i appen och tryck på "Logga ut". Ändringar du gjort offline skickas först.
                3. Logga in igen och ge appen en minut att hämta dina projekt.

                På Android: hjälper det inte, gå till telefonens Inställningar > Appar > Tasklane > Lagring och tryck på "Rensa cacheminne" (inte "Rensa data").
            """),
            "known_bug": T("""
                Tack för att du hör av dig! Det här är ett känt fel i version 5.12.0 av appen: ändringar som görs på webben syns ibland inte i telefonen förrän appen startas om. Våra utvecklare arbetar på en rättning som kommer som en gratis uppdatering.

                Tills dess får du in de senaste ändringarna så här:

                1. Stäng appen helt (svep bort den i appväxlaren).
                2. Öppna den igen och dra ner i uppgiftslistan för att uppdatera.
                3. Ha automatiska uppdateringar påslagna så får du rättningen direkt.

                Ursäkta besväret!
            """),
            "waiting": T("""
                "Väntar på synkronisering" betyder att appen har sparat dina ändringar i telefonen men inte kunnat skicka dem till våra servrar än. Oftast beror det på att telefonens batterisparläge hindrar Tasklane från att använda data i bakgrunden. Ändringarna finns kvar.

                1. Öppna appen och låt den vara öppen en stund medan du är ansluten till wifi eller mobildata.
                2. På iPhone: gå till Inställningar > Tasklane och slå på "Uppdatera appar i bakgrunden" och "Mobildata".
                3. På Android: gå till Inställningar > Appar > Tasklane > Batteri och välj "Obegränsad".

                Logga inte ut och avinstallera inte appen medan ändringar väntar, då försvinner de.
            """),
        },
    },
})

TOPICS.append({
    "key": "calendar_disconnect",
    "group": "Integrations",
    "tags": ["integrations", "calendar"],
    "type": "problem",
    "priority": {"normal": 7, "high": 3},
    "tickets": {"en": 17, "nl": 9},
    # Google changed token lifetimes mid-September: disconnects pile up after that.
    "peak": ("2026-09-14", "2026-10-10", 0.6),
    "generic_answers": ["reconnect_google"],
    "phrasings": {
        "en": [
            P("Google Calendar keeps disconnecting", "The Google Calendar integration disconnects every few days and I have to reconnect it. Really annoying. Is there a fix?", "reconnect_google"),
            P("Outlook calendar sync stopped", "Our tasks stopped appearing in Outlook on Monday. The integrations page says 'Connection expired'. We're on Microsoft 365.", "outlook_consent"),
            P("Calendar integration broken", "Calendar integration is broken AGAIN. Third time this month. My whole team relies on seeing deadlines in their calendars.", "reconnect_google"),
            P("Tasks not showing in calendar", "I connected Google Calendar but only some of my tasks show up. Others are missing completely.", "what_syncs"),
            P("reconnect calendar", "it says my google calendar needs reconnecting. how", "reconnect_google"),
            P("Outlook needs admin approval?", "When I try to connect Outlook it says 'Need admin approval'. I'm not the IT admin. What do I tell our IT?", "outlook_consent"),
            P("Duplicate events in calendar", "Every task shows up twice in my Google Calendar since I reconnected. How do I clean that up?", "what_syncs"),
            P("Calendar stopped after password change", "I changed my Google password last week (company policy) and since then nothing from Tasklane appears in my calendar anymore.", "reconnect_google"),
            P("Outlook sync drops after an hour", "I reconnect the Outlook calendar, it works for about an hour, then the status goes back to 'Disconnected'. IT says nothing is blocked.", "outlook_consent"),
            P("Integration error", "Getting 'Google Calendar: access was revoked' on the integrations page. I didn't revoke anything!", "reconnect_google"),
            P("Deadlines not in Google Calendar", "My colleague's deadlines don't show in my calendar even though we're on the same project. Is that expected?", "what_syncs"),
            P("Calendar sync keeps failing", "Since about mid-September our calendar sync disconnects almost daily for several people on our team. Did something change on your side?", "reconnect_google", "2026-09-20"),
            P("Calendar not updating", "I moved a due date in Tasklane an hour ago and my Google Calendar still shows the old date. Is the sync broken?", "what_syncs"),
        ],
        "nl": [
            P("Google Agenda verbreekt verbinding", "De koppeling met Google Agenda valt om de paar dagen weg en dan moet ik hem opnieuw koppelen. Irritant. Is hier een oplossing voor?", "reconnect_google"),
            P("Outlook-agenda synchroniseert niet meer", "Sinds maandag verschijnen onze taken niet meer in Outlook. Op de integratiepagina staat 'Verbinding verlopen'. We gebruiken Microsoft 365.", "outlook_consent"),
            P("Niet alle taken in agenda", "Ik heb Google Agenda gekoppeld, maar maar een deel van mijn taken komt erin. De rest ontbreekt gewoon.", "what_syncs"),
            P("agenda opnieuw koppelen", "er staat dat mijn google agenda opnieuw gekoppeld moet worden. hoe doe ik dat", "reconnect_google"),
            P("Toestemming beheerder Outlook", "Als ik Outlook wil koppelen krijg ik 'Goedkeuring van beheerder vereist'. Ik ben geen ICT-beheerder. Wat moet ik tegen onze ICT zeggen?", "outlook_consent"),
            P("Dubbele afspraken", "Sinds ik de agenda opnieuw heb gekoppeld staat elke taak er twee keer in. Hoe ruim ik dat op?", "what_syncs"),
            P("Na wachtwoordwijziging geen agenda meer", "Vorige week mijn Google-wachtwoord veranderd (moest van de zaak) en sindsdien komt er niks van Tasklane meer in mijn agenda.", "reconnect_google"),
            P("Weer ontkoppeld!", "De agendakoppeling is WEER verbroken. Al de derde keer deze maand. Het hele team gebruikt de agenda om deadlines te zien.", "reconnect_google"),
            P("Outlook valt na een uur weg", "Ik koppel de Outlook-agenda opnieuw, het werkt een uurtje en dan staat hij weer op 'Niet verbonden'.", "outlook_consent"),
        ],
    },
    "answers": {
        "en": {
            "reconnect_google": T("""
                The Google Calendar connection stops when Google withdraws Tasklane's access. That happens when you change your Google password, when someone removes Tasklane under your Google account's security settings, and when Google's permission screen was accepted without the calendar box ticked. To reconnect:

                1. Go to Settings > Integrations > Google Calendar.
                2. Click "Reconnect" and sign in with your Google account.
                3. On Google's permission screen, tick "See, edit, share and permanently delete all the calendars you can access". If that box is left unticked, the connection drops again within a day.
                4. Choose the calendar Tasklane should use and click "Save".

                Tasks with a due date reappear in your calendar within 15 minutes.
            """),
            "outlook_consent": T("""
                For Outlook and Microsoft 365 accounts, your organisation's Microsoft admin needs to approve Tasklane once. Without that approval the connection works for a while and then drops.

                1. Ask your Microsoft 365 admin to open the Microsoft Entra admin centre and go to Enterprise applications > Tasklane > Permissions.
                2. They click "Grant admin consent for [your organisation]".
                3. Then go to Settings > Integrations > Outlook Calendar in Tasklane and click "Reconnect".

                That's all your IT team needs; Tasklane only asks for access to calendars, not to email.
            """),
            "what_syncs": T("""
                The calendar only shows tasks that have a due date and are assigned to you - tasks without a due date or assigned to someone else aren't synced. Sync runs every 15 minutes, so changes don't show up instantly.

                If you see each task twice, your calendar is connected twice (for example once from the web and once from the mobile app):

                1. Go to Settings > Integrations > Google Calendar (or Outlook Calendar).
                2. Click "Disconnect" on every connection listed.
                3. Click "Connect" once and choose your calendar.
                4. Delete the old "Tasklane" calendar in Google or Outlook if it's still there.

                To see a whole project's deadlines, open the project and use ⋯ > "Subscribe to calendar" instead.
            """),
        },
        "nl": {
            "reconnect_google": T("""
                De koppeling met Google Agenda stopt als Google de toegang van Tasklane intrekt. Dat gebeurt als je je Google-wachtwoord wijzigt, als iemand Tasklane verwijdert bij de beveiligingsinstellingen van je Google-account, en als het toestemmingsscherm van Google is bevestigd zonder dat het vakje voor de agenda aangevinkt is. Zo koppel je opnieuw:

                1. Ga naar Instellingen > Integraties > Google Agenda.
                2. Klik op "Opnieuw koppelen" en log in met je Google-account.
                3. Vink op het toestemmingsscherm van Google het vakje "Alle agenda's waartoe je toegang hebt bekijken, bewerken, delen en definitief verwijderen" aan. Zonder dat vinkje valt de koppeling binnen een dag weer weg.
                4. Kies de agenda die Tasklane moet gebruiken en klik op "Opslaan".

                Taken met een deadline staan binnen 15 minuten weer in je agenda.
            """),
            "outlook_consent": T("""
                Bij Outlook en Microsoft 365 moet de Microsoft-beheerder van je organisatie Tasklane één keer goedkeuren. Zonder die goedkeuring werkt de koppeling even en valt hij daarna weg.

                1. Vraag je Microsoft 365-beheerder om in het Microsoft Entra-beheercentrum naar Bedrijfstoepassingen > Tasklane > Machtigingen te gaan.
                2. Daar klikt hij of zij op "Beheerderstoestemming verlenen voor [jullie organisatie]".
                3. Ga daarna in Tasklane naar Instellingen > Integraties > Outlook-agenda en klik op "Opnieuw koppelen".

                Meer hoeft jullie ICT niet te doen; Tasklane vraagt alleen toegang tot agenda's, niet tot e-mail.
            """),
            "what_syncs": T("""
                In de agenda komen alleen taken met een deadline die aan jou zijn toegewezen. Taken zonder deadline of van iemand anders worden niet gesynchroniseerd. De synchronisatie loopt elke 15 minuten, dus wijzigingen zie je niet meteen.

                Staat elke taak er twee keer in, dan is je agenda dubbel gekoppeld (bijvoorbeeld via het web én via de app):

                1. Ga naar Instellingen > Integraties > Google Agenda (of Outlook-agenda).
                2. Klik bij elke koppeling op "Ontkoppelen".
                3. Klik één keer op "Koppelen" en kies je agenda.
                4. Verwijder de oude agenda "Tasklane" in Google of Outlook als die er nog staat.
            """),
        },
    },
})

TOPICS.append({
    "key": "delete_account_gdpr",
    "group": "Data & privacy",
    "tags": ["privacy", "gdpr", "account-deletion"],
    "type": "question",
    "priority": {"normal": 8, "high": 2},
    "tickets": {"en": 13, "nl": 10},
    "generic_answers": ["self_delete"],
    "phrasings": {
        "en": [
            P("Delete my account", "Please delete my account and all my data. I no longer use Tasklane.", "self_delete"),
            P("GDPR erasure request", "Under Article 17 of the GDPR I request the erasure of all personal data you hold about me. My account email is {email}. Please confirm when this has been completed.", "gdpr_request"),
            P("How to delete account", "How do I delete my account? I can't find the option anywhere.", "self_delete"),
            P("Can't delete - owner", "When I try to delete my account it says I need to transfer ownership first. I just want to leave, I don't care about the workspace.", "transfer_owner"),
            P("Remove my data", "I was added to a Tasklane workspace by a former employer. I never agreed to this and I want all my personal data removed.", "gdpr_request"),
            P("delete", "delete my account pls"),
            P("Right to be forgotten", "I'd like to exercise my right to be forgotten. Also, please tell me what data you have on me before you delete it.", "gdpr_request"),
            P("Close account permanently", "We're shutting down our small business. I want to close the Tasklane account permanently, including the workspace and all projects. What's the process?", "transfer_owner"),
            P("Deleting account & what happens to tasks", "If I delete my account, do my tasks and comments disappear for my colleagues too? I'm leaving the company next week.", "self_delete"),
            P("Delete old account", "I have an old account from 2023 on {old_email} that I don't use any more. Can you delete it? I can't log in to it.", "gdpr_request"),
            P("Data deletion timeline", "How long does it take until my data is actually gone after I delete my account? Our privacy officer asked me.", "self_delete"),
        ],
        "nl": [
            P("Account verwijderen", "Graag mijn account en al mijn gegevens verwijderen. Ik gebruik Tasklane niet meer.", "self_delete"),
            P("Verzoek tot verwijdering (AVG)", "Op grond van artikel 17 van de AVG verzoek ik u alle persoonsgegevens die u van mij heeft te verwijderen. Mijn e-mailadres is {email}. Graag een bevestiging zodra dit is gebeurd.", "gdpr_request"),
            P("Hoe verwijder ik mijn account?", "Ik kan nergens vinden hoe ik mijn account kan verwijderen. Waar staat dat?", "self_delete"),
            P("Kan account niet verwijderen", "Als ik mijn account wil verwijderen staat er dat ik eerst het eigendom moet overdragen. Ik wil gewoon weg, de werkruimte interesseert me niet.", "transfer_owner"),
            P("Gegevens verwijderen", "Mijn vorige werkgever heeft mij ooit aan een Tasklane-werkruimte toegevoegd. Ik heb daar nooit toestemming voor gegeven en wil dat al mijn gegevens worden verwijderd.", "gdpr_request"),
            P("verwijderen", "account verwijderen aub"),
            P("Recht op vergetelheid", "Ik wil gebruikmaken van mijn recht op vergetelheid. Kunt u mij eerst laten weten welke gegevens u van mij heeft?", "gdpr_request"),
            P("Bedrijf stopt", "We stoppen met ons bedrijf. Ik wil het Tasklane-account definitief opheffen, inclusief de werkruimte en alle projecten. Hoe gaat dat?", "transfer_owner"),
            P("Wat gebeurt er met mijn taken?", "Als ik mijn account verwijder, verdwijnen mijn taken en opmerkingen dan ook voor mijn collega's? Ik ga volgende week uit dienst.", "self_delete"),
            P("Hoe lang duurt verwijderen?", "Hoe lang duurt het voordat mijn gegevens echt weg zijn nadat ik mijn account heb verwijderd? Onze privacy officer vroeg ernaar.", "self_delete"),
        ],
    },
    "answers": {
        "en": {
            "self_delete": T("""
                You can delete your account yourself:

                1. Go to Settings > Account.
                2. Scroll down and click "Delete account".
                3. Enter your password to confirm.

                Your personal data is deleted within 30 days and removed from our backups within 90 days. Tasks and comments you created in shared workspaces stay there for your colleagues, shown as "Former member", so their work isn't affected. If you'd like a copy of your data first, use Settings > Data > "Export my data" before deleting.
            """),
            "transfer_owner": T("""
                Because you own a workspace, you need to hand it over or delete it before your account can be deleted - otherwise your colleagues would be left without an owner.

                1. To hand it over: go to Settings > Members, click ⋯ next to the person who should take over and choose "Make owner".
                2. Or, if nobody needs the workspace any more: go to Settings > Workspace and click "Delete workspace". This deletes all its projects, so export anything you want to keep first (Settings > Data > Export workspace).
                3. Then go to Settings > Account and click "Delete account".

                If the workspace has a paid plan, cancel it first under Settings > Billing > Plan so you aren't charged again.
            """),
            "gdpr_request": T("""
                Thank you for your request under Article 17 of the GDPR. We've confirmed that it came from the email address on the account, and we've started the deletion.

                What happens next:

                1. Your account and personal data are deleted within 30 days. You'll get a confirmation email when it's done.
                2. Copies in our encrypted backups are overwritten within 90 days.
                3. Invoices are kept for 7 years because Dutch tax law requires it; they're used for accounting only.

                If you'd also like a copy of the data we hold about you (Article 15), just say so and we'll send it within 30 days, before the deletion is completed. Our privacy policy is at https://tasklane.example/privacy.
            """),
        },
        "nl": {
            "self_delete": T("""
                Je kunt je account zelf verwijderen:

                1. Ga naar Instellingen > Account.
                2. Scrol naar beneden en klik op "Account verwijderen".
                3. Vul ter bevestiging je wachtwoord in.

                Je persoonsgegevens worden binnen 30 dagen verwijderd en binnen 90 dagen ook uit onze back-ups. Taken en opmerkingen die je in gedeelde werkruimtes hebt gemaakt blijven staan voor je collega's, met als naam "Voormalig lid". Wil je eerst een kopie van je gegevens, gebruik dan Instellingen > Gegevens > "Mijn gegevens exporteren".
            """),
            "transfer_owner": T("""
                Omdat je eigenaar bent van een werkruimte, moet je die eerst overdragen of verwijderen; anders blijven je collega's zonder eigenaar achter.

                1. Overdragen: ga naar Instellingen > Leden, klik op ⋯ naast degene die het overneemt en kies "Eigenaar maken".
                2. Heeft niemand de werkruimte nog nodig: ga naar Instellingen > Werkruimte en klik op "Werkruimte verwijderen". Alle projecten worden dan verwijderd, dus exporteer eerst wat je wilt bewaren (Instellingen > Gegevens > Werkruimte exporteren).
                3. Ga daarna naar Instellingen > Account en klik op "Account verwijderen".

                Heeft de werkruimte een betaald abonnement? Zeg dat dan eerst op via Instellingen > Facturatie > Abonnement.
            """),
            "gdpr_request": T("""
                Bedankt voor uw verzoek op grond van artikel 17 van de AVG. We hebben gecontroleerd dat het verzoek afkomstig is van het e-mailadres van het account en zijn met de verwijdering begonnen.

                Wat er nu gebeurt:

                1. Uw account en persoonsgegevens worden binnen 30 dagen verwijderd. U ontvangt een bevestiging zodra dat is gebeurd.
                2. Kopieën in onze versleutelde back-ups worden binnen 90 dagen overschreven.
                3. Facturen bewaren we 7 jaar, omdat de fiscale bewaarplicht dat vereist; ze worden alleen voor de boekhouding gebruikt.

                Wilt u ook een overzicht van de gegevens die we van u hebben (artikel 15)? Laat het ons weten, dan sturen we dat binnen 30 dagen, voordat de verwijdering is afgerond. Onze privacyverklaring staat op https://tasklane.example/privacy.
            """),
        },
    },
})

TOPICS.append({
    "key": "change_plan",
    "group": "Billing",
    "tags": ["billing", "plan"],
    "type": "question",
    "priority": {"normal": 8, "low": 2},
    "tickets": {"en": 16, "nl": 9},
    "generic_answers": ["change"],
    "phrasings": {
        "en": [
            P("Upgrade to Business", "We'd like to upgrade to Business to get the Gantt view. How does billing work if we switch mid-month?", "change"),
            P("Downgrade plan", "We want to move from Business back to Team. What do we lose?", "downgrade"),
            P("Switch to annual", "Can we switch from monthly to yearly billing? I heard it's cheaper.", "annual"),
            P("upgrade", "how do i upgrade"),
            P("Change plan mid-cycle", "If I upgrade today and downgrade again next month, do I pay for the full month twice? I want to try the Business features for one project.", "change"),
            P("Too expensive - downgrade", "Honestly, Business is too expensive for what we use. How do we go to a cheaper plan without losing our projects?", "downgrade"),
            P("Upgrade from free", "We've been on the free plan with 3 people and want to go paid now that we're 8. Which plan, and how?", "change"),
            P("One invoice per year", "Our finance department prefers one invoice per year. Can we move to annual billing?", "annual"),
            P("Downgrade not taking effect", "I clicked downgrade last week but we're still on Business and still paying the Business price. Did it not work?", "downgrade"),
            P("Plan change", "We'd like to go from the Team plan to Business for our whole workspace ({seats} seats). Could you tell me what the new monthly cost would be?", "change"),
            P("Will we lose Gantt charts?", "Will we lose our Gantt charts if we downgrade? We've put a lot of work into the timelines.", "downgrade"),
            P("Upgraded but no new features", "We upgraded to Business an hour ago but I still can't see time tracking. Do I need to log out?", "change"),
        ],
        "nl": [
            P("Upgraden naar Business", "We willen upgraden naar Business vanwege de Gantt-weergave. Hoe werkt de facturatie als we halverwege de maand overstappen?", "change"),
            P("Downgraden", "We willen van Business terug naar Team. Wat raken we dan kwijt?", "downgrade"),
            P("Jaarlijks betalen", "Kunnen we overstappen van maandelijks naar jaarlijks betalen? Ik hoorde dat dat goedkoper is.", "annual"),
            P("upgraden", "hoe upgrade ik"),
            P("Te duur", "Eerlijk gezegd is Business te duur voor wat wij ermee doen. Hoe stappen we over naar een goedkoper abonnement zonder onze projecten kwijt te raken?", "downgrade"),
            P("Van gratis naar betaald", "We gebruikten de gratis versie met 3 mensen, nu zijn we met 8 en willen we gaan betalen. Welk abonnement en hoe?", "change"),
            P("Downgrade werkt niet", "Vorige week op downgraden geklikt, maar we zitten nog steeds op Business en betalen nog het Business-tarief. Is het niet gelukt?", "downgrade"),
            P("Eén factuur per jaar", "Onze financiële afdeling wil liever één factuur per jaar. Kunnen we naar jaarlijks betalen?", "annual"),
            P("Functies niet zichtbaar na upgrade", "We hebben een uur geleden geüpgraded naar Business, maar ik zie de tijdregistratie nog steeds niet. Moet ik uitloggen?", "change"),
        ],
    },
    "answers": {
        "en": {
            "change": T("""
                You can change plans at any time:

                1. Go to Settings > Billing > Plan.
                2. Click "Change plan" and choose the plan you want.
                3. Check the price summary and click "Confirm".

                Upgrades take effect straight away: you're charged a pro-rated amount for the rest of your current billing period, and new features appear after a page refresh (in the mobile app, after closing and reopening it). Downgrades take effect at the start of your next billing period, so you keep your current features until then and never pay for the same month twice. Current prices per seat are on https://tasklane.example/pricing.
            """),
            "downgrade": T("""
                Before you move from Business to Team, here's what changes:

                - Gantt view and time tracking are Business features. Your Gantt charts and time entries are kept, but become read-only.
                - Automations above 10 per project are paused, not deleted.
                - Guests above 5 lose access until you remove some.
                - Projects, tasks, members and history all stay.

                To downgrade:
                1. Go to Settings > Billing > Plan and click "Change plan".
                2. Choose Team and click "Confirm".
                3. The change happens at your next renewal date, {end_date}. Until then the page shows "Changes to Team on ..." and you keep using Business.

                If you upgrade again later, everything becomes editable again.
            """),
            "annual": T("""
                Yes - annual billing saves 20% compared to paying monthly.

                1. Go to Settings > Billing > Plan.
                2. Under "Billing cycle", choose "Yearly" and click "Confirm".
                3. We credit the unused part of your current month against the first annual invoice.

                You can change the number of seats on the same screen. On the annual Business plan you can also switch to paying by invoice under Settings > Billing > Payment method > "Pay by invoice".
            """),
        },
        "nl": {
            "change": T("""
                Je kunt op elk moment van abonnement wisselen:

                1. Ga naar Instellingen > Facturatie > Abonnement.
                2. Klik op "Abonnement wijzigen" en kies het abonnement dat je wilt.
                3. Controleer het prijsoverzicht en klik op "Bevestigen".

                Een upgrade gaat meteen in: je betaalt naar rato voor de rest van de huidige periode en de nieuwe functies verschijnen nadat je de pagina ververst (in de app: na afsluiten en opnieuw openen). Een downgrade gaat in aan het begin van je volgende periode, dus je houdt de huidige functies tot die tijd en betaalt nooit twee keer voor dezelfde maand. De actuele prijzen per plek staan op https://tasklane.example/pricing.
            """),
            "downgrade": T("""
                Voordat je van Business naar Team gaat, dit verandert er:

                - De Gantt-weergave en tijdregistratie horen bij Business. Je Gantt-planningen en uren blijven bewaard, maar worden alleen-lezen.
                - Automatiseringen boven de 10 per project worden gepauzeerd, niet verwijderd.
                - Gasten boven de 5 verliezen hun toegang tot je er een paar verwijdert.
                - Projecten, taken, leden en geschiedenis blijven allemaal staan.

                Zo downgrade je:
                1. Ga naar Instellingen > Facturatie > Abonnement en klik op "Abonnement wijzigen".
                2. Kies Team en klik op "Bevestigen".
                3. De wijziging gaat in op je volgende verlengingsdatum, {end_date}. Tot die tijd staat er "Wordt Team op ..." en gebruik je gewoon Business.

                Upgrade je later weer, dan kun je alles weer bewerken.
            """),
            "annual": T("""
                Ja, jaarlijks betalen is 20% voordeliger dan per maand.

                1. Ga naar Instellingen > Facturatie > Abonnement.
                2. Kies onder "Factuurperiode" voor "Jaarlijks" en klik op "Bevestigen".
                3. Het ongebruikte deel van je huidige maand verrekenen we met de eerste jaarfactuur.

                Op hetzelfde scherm kun je ook het aantal plekken aanpassen. Met een jaarabonnement op Business kun je bovendien op factuur betalen via Instellingen > Facturatie > Betaalmethode > "Betalen op factuur".
            """),
        },
    },
})

TOPICS.append({
    "key": "import_trello_asana",
    "group": "Integrations",
    "tags": ["import", "migration"],
    "type": "question",
    "priority": {"normal": 8, "high": 2},
    "tickets": {"en": 17, "nl": 9},
    "generic_answers": ["trello"],
    "phrasings": {
        "en": [
            P("Import from Trello", "We're moving from Trello to Tasklane. Is there a way to import our boards, or do we have to copy everything over by hand?", "trello"),
            P("Asana import", "How do I import my projects from Asana? We have about 40 projects.", "asana"),
            P("Import stuck", "My Trello import has been on 'Importing… 62%' since yesterday. Is it dead?", "retry"),
            P("migrate from asana", "can i migrate from asana. need subtasks and comments to come over too", "asana"),
            P("Trello import - assignees missing", "Imported our Trello board but none of the cards have people assigned. In Trello they all did. What went wrong?", "trello"),
            P("Import custom fields from Asana", "We rely heavily on custom fields in Asana (priority, budget, client). Will they come across if we import?", "asana"),
            P("Import failed", "The import from Trello failed with 'Import could not be completed'. Only half of our boards are here now. Do I start over?", "retry"),
            P("Switching tools", "Our agency is switching from Trello. Before we commit: does the import keep labels and checklists?", "trello"),
            P("Asana token?", "The Asana import asks for a 'personal access token'. Where do I get that? I'm not technical at all.", "asana"),
            P("Trello attachments", "Our Trello cards have loads of PDFs attached. Will those be imported as well, or just the text?", "trello"),
            P("Import duplicates", "I ran the Trello import twice because I thought it had failed, and now I have every project two times. Can you remove the duplicates or do I delete them myself?", "retry"),
            P("Import from Asana - rules", "We imported from Asana and most things look good, but our rules aren't there. Did something go wrong?", "asana"),
        ],
        "nl": [
            P("Importeren vanuit Trello", "We stappen over van Trello naar Tasklane. Kunnen we onze borden importeren of moeten we alles overtypen?", "trello"),
            P("Asana importeren", "Hoe importeer ik onze projecten uit Asana? Het gaat om zo'n 40 projecten.", "asana"),
            P("Import blijft hangen", "Mijn Trello-import staat sinds gisteren op 'Importeren… 62%'. Is hij vastgelopen?", "retry"),
            P("overstappen van asana", "kan ik overstappen vanuit asana? subtaken en opmerkingen moeten wel mee", "asana"),
            P("Trello-import zonder toegewezen personen", "Ons Trello-bord is geïmporteerd, maar bij geen enkele kaart staat nog iemand toegewezen. In Trello wel. Wat ging er mis?", "trello"),
            P("Aangepaste velden", "Wij gebruiken in Asana veel aangepaste velden (prioriteit, budget, klant). Komen die mee bij het importeren?", "asana"),
            P("Import mislukt", "De import uit Trello is mislukt met 'Import kon niet worden voltooid'. Nu staat de helft van onze borden erin. Moet ik opnieuw beginnen?", "retry"),
            P("Token van Asana?", "De Asana-import vraagt om een 'persoonlijk toegangstoken'. Waar haal ik dat vandaan? Ik ben niet zo technisch.", "asana"),
            P("Bijlagen uit Trello", "Aan onze Trello-kaarten hangen heel veel pdf's. Worden die ook geïmporteerd of alleen de tekst?", "trello"),
        ],
    },
    "answers": {
        "en": {
            "trello": T("""
                You can bring your Trello boards straight into Tasklane:

                1. Go to Settings > Import > Trello.
                2. Click "Connect Trello" and allow access.
                3. Select the boards you want to import and click "Start import".

                Each board becomes a project: lists become sections, cards become tasks, checklists become subtasks, labels become tags, and attachments up to 25 MB are copied. People are matched by email address, so invite your team to Tasklane before importing if you want cards to keep their assignees (you can also re-run the import afterwards to fill them in). Large boards can take up to an hour; we email you when it's done.
            """),
            "asana": T("""
                To import from Asana:

                1. In Asana, click your profile picture > Settings > Apps > "Manage developer apps" and create a personal access token. Copy it - it's a long string of letters and numbers.
                2. In Tasklane, go to Settings > Import > Asana and paste the token.
                3. Choose the Asana projects to import and click "Start import".

                Sections, tasks, subtasks, assignees, due dates, comments and attachments come across. Custom fields are imported as Tasklane custom fields of the same type. Asana rules and forms can't be imported, so you'll need to set those up again as Tasklane automations (Project > ⋯ > Automations). You can delete the token in Asana once the import has finished.
            """),
            "retry": T("""
                I've had a look at your import. It stopped because one of the boards has more than 10,000 cards (including archived ones), which is the most a single import can handle.

                1. Go to Settings > Import > History.
                2. Click "Retry" next to the failed import and tick "Skip archived cards".
                3. Projects that were already created aren't duplicated - the import picks up where it stopped.

                If you ran the import twice and now have duplicate projects, delete the copies via the project's ⋯ menu > "Delete project"; the copies have "(2)" after their name. Deleted projects stay in Settings > Trash for 30 days, in case you remove the wrong one.
            """),
        },
        "nl": {
            "trello": T("""
                Je kunt je Trello-borden direct in Tasklane importeren:

                1. Ga naar Instellingen > Importeren > Trello.
                2. Klik op "Trello koppelen" en geef toestemming.
                3. Selecteer de borden die je wilt importeren en klik op "Import starten".

                Elk bord wordt een project: lijsten worden secties, kaarten worden taken, checklists worden subtaken, labels worden tags en bijlagen tot 25 MB worden meegenomen. Personen worden gekoppeld op e-mailadres, dus nodig je team uit in Tasklane voordat je importeert als je de toewijzingen wilt behouden (je kunt de import daarna ook opnieuw draaien om ze aan te vullen). Grote borden kunnen tot een uur duren; je krijgt een e-mail als het klaar is.
            """),
            "asana": T("""
                Zo importeer je vanuit Asana:

                1. Klik in Asana op je profielfoto > Instellingen > Apps > "Ontwikkelaarsapps beheren" en maak een persoonlijk toegangstoken aan. Kopieer het; het is een lange reeks letters en cijfers.
                2. Ga in Tasklane naar Instellingen > Importeren > Asana en plak het token.
                3. Kies de Asana-projecten die je wilt importeren en klik op "Import starten".

                Secties, taken, subtaken, toegewezen personen, deadlines, opmerkingen en bijlagen gaan mee. Aangepaste velden worden Tasklane-velden van hetzelfde type. Regels en formulieren uit Asana kunnen niet mee; die stel je opnieuw in als automatiseringen (Project > ⋯ > Automatiseringen). Na de import kun je het token in Asana weer verwijderen.
            """),
            "retry": T("""
                Ik heb je import bekeken. Hij is gestopt omdat een van de borden meer dan 10.000 kaarten heeft (inclusief gearchiveerde), en dat is het maximum voor één import.

                1. Ga naar Instellingen > Importeren > Geschiedenis.
                2. Klik op "Opnieuw proberen" bij de mislukte import en vink "Gearchiveerde kaarten overslaan" aan.
                3. Projecten die al zijn aangemaakt worden niet dubbel aangemaakt; de import gaat verder waar hij gebleven was.

                Heb je de import twee keer gedraaid en staan er nu dubbele projecten? Verwijder de kopieën via het ⋯-menu van het project > "Project verwijderen"; de kopieën hebben "(2)" achter hun naam. Verwijderde projecten staan nog 30 dagen in Instellingen > Prullenbak.
            """),
        },
    },
})


# ---------------------------------------------------------------------------------------------
# Conversation pieces around the question and the answer, per language
# ---------------------------------------------------------------------------------------------

CONVERSATION: dict[str, dict[str, list[str]]] = {
    "en": {
        "greetings": ["Hi,", "Hello,", "Hi there,", "Hey,", "Dear Tasklane team,", "Hello Tasklane support,", "Good morning,", "Hi support,", "Afternoon,", ""],
        "greetings_to_agent": ["Hi {agent},", "Hello {agent},", "Hey {agent},", "Dear {agent},", "{agent},", ""],
        "signoffs": ["Thanks,", "Kind regards,", "Best,", "Cheers,", "Regards,", "Thanks in advance,", "Many thanks,", "Best regards,", "Thank you,"],
        "inline_signoffs": ["Thanks, {first}", "Cheers, {first}", "- {first}", "{first}", "Thanks! {first}"],
        "device_footers": ["Sent from my iPhone", "Sent from my Galaxy", "Get Outlook for iOS", "Sent from Outlook for Android"],
        "titles": ["Operations Manager", "Project Coordinator", "Head of Finance", "Office Manager", "Founder", "Marketing Lead", "IT Administrator", "Studio Manager", "Practice Manager", "Director", "Account Director", "Programme Manager", "Events Producer"],
        "agent_greetings": ["Hi {first},", "Hello {first},", "Hi {first}, thanks for getting in touch.", "Dear {first},", "Hey {first},"],
        "chat_greetings": ["Hi {first}!", "Hey {first}!", "Hello {first}!"],
        "agent_openers": ["Thanks for getting in touch.", "Thanks for your patience while I looked into this.", "Thanks for the details.", "I've had a look at the account for {email}.", "Sorry for the slow reply - it's been a busy week.", "", "", ""],
        "agent_openers_problem": ["Sorry for the trouble with this!", "Sorry to hear that!", "Thanks for letting us know, and sorry for the hassle."],
        "agent_closers": ["Let me know if you have any questions.", "Hope this helps!", "Have a great day!", "", ""],
        "agent_closers_problem": ["If that doesn't do the trick, reply here and I'll dig deeper.", "Hope this helps - just reply to this email if you get stuck."],
        "agent_signoffs": [
            "Kind regards,\n{agent_first}\nTasklane Support",
            "Best wishes,\n{agent_first} | Tasklane Support",
            "Thanks,\n{agent_full}\nTasklane Customer Support\nsupport@tasklane.example | +31 20 794 1100",
            "Cheers,\n{agent_first}",
            "Best,\n{agent_full}\nCustomer Support, Tasklane",
        ],
        "clarify": [
            "So I can look into this properly, could you tell me which email address you use to sign in to Tasklane, and whether this happens in the web app, the mobile app or both?",
            "Could you send me a screenshot of what you're seeing, and let me know which browser or device you're using? That'll help me narrow it down.",
            "Just to make sure I'm looking at the right account: what's the name of your workspace? You'll find it in the top-left corner when you're signed in.",
            "Before I change anything, can you confirm whether you're the owner of the workspace, or whether someone else set it up?",
        ],
        "clarify_replies": [
            "It's the web app, Chrome on Windows 11. My login is {email}.",
            "Workspace is called {company}. Screenshot attached.",
            "Both, actually. I'm on {device} and a MacBook.",
            "The login is {email}. It happens on my phone and on my laptop.",
            "I'm the owner, I set it up back in 2024. Workspace name is {company}.",
            "Screenshot attached. Firefox, latest version. My direct line is {phone} if it's easier to talk it through.",
            "Workspace is {company}; the last invoice we got was {invoice}, in case that helps.",
        ],
        "thanks": [
            "That worked, thanks!",
            "Perfect, all sorted. Thanks for the quick help!",
            "Brilliant, that did it. Cheers.",
            "Got it, thank you so much - you've saved my afternoon.",
            "Done, thanks.",
            "Yes, that fixed it. Much appreciated!",
            "All good now. Thanks {agent}!",
            "Great, it works now. Thank you for explaining it so clearly.",
        ],
        "thanks_question": [
            "Thanks, that's exactly what I needed!",
            "Perfect, thank you.",
            "Great, thanks for the quick answer.",
            "Thanks {agent}, that's really helpful.",
            "Understood - thanks for explaining.",
        ],
        "still_broken": [
            "Tried that, but no luck - still exactly the same.",
            "I've done all of that and it's still not working, I'm afraid.",
            "Still not working. This is getting really frustrating, I've lost half a day on this.",
            "Nope. Same as before.",
            "Followed every step, still the same problem. Anything else I can try?",
        ],
        "not_answered": [
            "Thanks, but that doesn't really answer my question.",
            "Sorry, I think you've misunderstood - that's not what I asked.",
            "That's not quite what I meant. Could you read my first message again?",
        ],
        "again": [
            "Hi again - it's happening again since this morning. Same as last time.",
            "Sorry to reopen this, but the problem is back.",
            "It worked for a few days but now it's doing exactly the same thing again.",
        ],
        "again_openers": [
            "Sorry it's back! The same fix applies - here are the steps again:",
            "Sorry to hear it's happening again. Let's go through it once more:",
        ],
        "retry_openers": [
            "Sorry that didn't do the trick - let's try something else.",
            "Thanks for trying that, and sorry it didn't help. I've looked into it a bit further.",
            "Sorry to hear it's still not working! This should sort it:",
        ],
        "after_clarify": ["Thanks for the extra details.", "Thanks, that helps!", "Thanks for confirming."],
        "welcome": [
            "You're welcome - glad it's sorted! I'll close this ticket now, but just reply if anything else comes up.",
            "Great to hear! Have a lovely day.",
            "Happy to help! Have a good rest of your week.",
        ],
        "nudges": [
            "Any update on this? It's been a couple of days.",
            "Hello?? Still waiting for a reply here.",
            "Just following up on this - is anyone looking at it?",
        ],
    },
    "nl": {
        "greetings": ["Beste,", "Hallo,", "Goedemorgen,", "Goedemiddag,", "Hoi,", "Beste Tasklane,", "Geachte heer/mevrouw,", "Beste support,", "Dag,", ""],
        "greetings_to_agent": ["Beste {agent},", "Hoi {agent},", "Hallo {agent},", "Dag {agent},", ""],
        "signoffs": ["Met vriendelijke groet,", "Vriendelijke groet,", "Groet,", "Groetjes,", "Mvg,", "Alvast bedankt!", "Hartelijke groet,", "Met vriendelijke groeten,"],
        "inline_signoffs": ["Groet, {first}", "Mvg {first}", "Groetjes {first}", "{first}"],
        "device_footers": ["Verzonden vanaf mijn iPhone", "Verstuurd vanaf mijn Samsung Galaxy", "Outlook voor Android downloaden"],
        "titles": ["Projectmanager", "Officemanager", "Financieel administrateur", "Eigenaar", "Teamleider marketing", "Accountmanager", "Directeur", "Werkvoorbereider", "Coördinator bedrijfsbureau", "Hoofd ICT", "Office & HR"],
        "agent_greetings": ["Hoi {first},", "Beste {first},", "Hallo {first},", "Goedemiddag {first},"],
        "chat_greetings": ["Hoi {first}!", "Hallo {first}!"],
        "agent_openers": ["Bedankt voor je bericht.", "Bedankt voor je geduld terwijl ik dit uitzocht.", "Ik heb even gekeken naar het account van {email}.", "Excuses voor de late reactie, het was een drukke week.", "Goede vraag!", "", "", ""],
        "agent_openers_problem": ["Vervelend dat dit niet lukt!", "Sorry voor het ongemak.", "Wat vervelend! Dat lossen we graag snel voor je op."],
        "agent_closers": ["Laat het me weten als je nog vragen hebt.", "Fijne dag verder!", "", ""],
        "agent_closers_problem": ["Ik hoop dat je zo verder kunt. Lukt het niet, reageer dan gewoon op deze mail.", "Werkt het niet? Laat het weten, dan zoek ik verder."],
        "agent_signoffs": [
            "Met vriendelijke groet,\n{agent_full}\nTasklane Support",
            "Groet,\n{agent_first}\nTasklane Support",
            "Hartelijke groet,\n{agent_first} | Tasklane Klantenservice\nsupport@tasklane.example | 020 794 1100",
        ],
        "clarify": [
            "Zodat ik het goed kan uitzoeken: met welk e-mailadres log je in bij Tasklane, en gebeurt het in de webversie, in de app of allebei?",
            "Kun je een schermafbeelding sturen van wat je ziet, en laten weten welke browser of welk toestel je gebruikt?",
            "Even checken of ik naar het juiste account kijk: wat is de naam van jullie werkruimte? Die staat linksboven als je ingelogd bent.",
            "Voordat ik iets aanpas: ben jij de eigenaar van de werkruimte, of heeft iemand anders die aangemaakt?",
        ],
        "clarify_replies": [
            "Het is de webversie, Chrome op Windows. Ik log in met {email}.",
            "De werkruimte heet {company}. Schermafbeelding zit in de bijlage.",
            "Allebei eigenlijk. Ik gebruik een {device} en een MacBook.",
            "Ik ben de eigenaar, ik heb het in 2024 aangemaakt. Werkruimte: {company}.",
            "Schermafbeelding bijgevoegd. Je kunt me ook bellen op {phone} als dat makkelijker is.",
            "Werkruimte {company}, onze laatste factuur was {invoice}.",
        ],
        "thanks": [
            "Het is gelukt, bedankt!",
            "Top, alles werkt weer. Dank voor de snelle hulp!",
            "Gelukt! Bedankt.",
            "Helemaal goed zo, dank je wel.",
            "Werkt weer, super bedankt {agent}!",
            "Dat was het. Dank voor de duidelijke uitleg.",
        ],
        "thanks_question": [
            "Dank je, dat is precies wat ik nodig had!",
            "Helder, bedankt.",
            "Top, bedankt voor het snelle antwoord.",
            "Dank je wel {agent}, dat helpt echt.",
        ],
        "still_broken": [
            "Geprobeerd, maar helaas, nog steeds hetzelfde.",
            "Ik heb alles gedaan wat je schreef, maar het werkt nog steeds niet.",
            "Werkt nog steeds niet. Ik word hier echt moe van, ik ben er al een halve dag mee bezig.",
            "Nee, zelfde probleem als eerst.",
            "Alle stappen gevolgd, nog steeds hetzelfde. Wat kan ik nog meer proberen?",
        ],
        "not_answered": [
            "Dank je, maar dat is niet helemaal mijn vraag.",
            "Ik denk dat je me verkeerd begrepen hebt, dat bedoel ik niet.",
            "Dat is niet wat ik vroeg. Kun je mijn eerste bericht nog eens lezen?",
        ],
        "again": [
            "Het gebeurt weer, zelfde probleem als vorige keer.",
            "Sorry dat ik dit ticket weer open, maar het probleem is terug.",
            "Het werkte een paar dagen, maar nu doet hij precies hetzelfde weer.",
        ],
        "again_openers": [
            "Vervelend dat het weer gebeurt! Dezelfde oplossing werkt; hier zijn de stappen nog een keer:",
            "Jammer dat het terug is. We lopen het nog even samen door:",
        ],
        "retry_openers": [
            "Vervelend dat het nog niet werkt. Laten we iets anders proberen.",
            "Bedankt voor het proberen, en sorry dat het niet hielp. Ik heb verder gezocht.",
        ],
        "after_clarify": ["Bedankt voor de extra informatie.", "Dank je, dat helpt!", "Bedankt voor het bevestigen."],
        "welcome": [
            "Graag gedaan, fijn dat het gelukt is! Ik sluit dit ticket, maar reageer gerust als er nog iets is.",
            "Mooi zo! Fijne dag verder.",
            "Graag gedaan!",
        ],
        "nudges": [
            "Is hier al iets over bekend? Het is al een paar dagen geleden.",
            "Hallo? Ik wacht nog steeds op een reactie.",
            "Even een herinnering: kijkt er iemand naar dit ticket?",
        ],
    },
    "sv": {
        "greetings": ["Hej!", "Hej,", "Hejsan,", "Hej Tasklane,", "God morgon,", "Hej support,", ""],
        "greetings_to_agent": ["Hej {agent}!", "Hej {agent},", "Hejsan {agent},", ""],
        "signoffs": ["Med vänliga hälsningar,", "Vänliga hälsningar,", "Mvh", "Hälsningar,", "Tack på förhand!", "Tack!"],
        "inline_signoffs": ["Mvh {first}", "Hälsningar {first}", "/{first}", "{first}"],
        "device_footers": ["Skickat från min iPhone", "Skickat från Outlook för Android"],
        "titles": ["Projektledare", "Ekonomiansvarig", "VD", "Kontorschef", "IT-ansvarig", "Marknadskoordinator", "Byggledare"],
        "agent_greetings": ["Hej {first}!", "Hej {first},", "Hejsan {first},"],
        "chat_greetings": ["Hej {first}!", "Hejsan {first}!"],
        "agent_openers": ["Tack för att du hör av dig.", "Tack för ditt tålamod medan jag tittade på det här.", "Jag har tittat på kontot för {email}.", "Förlåt att svaret dröjde - det har varit en intensiv vecka.", "", ""],
        "agent_openers_problem": ["Tråkigt att det krånglar!", "Ledsen för besväret."],
        "agent_closers": ["Hör av dig om du har fler frågor.", "Ha en fin dag!", ""],
        "agent_closers_problem": ["Hoppas det hjälper! Svara bara på det här mejlet om det krånglar.", "Fungerar det inte, svara här så tittar jag vidare."],
        "agent_signoffs": [
            "Med vänliga hälsningar,\n{agent_full}\nTasklane Support",
            "Vänliga hälsningar,\n{agent_first}\nTasklane Support",
            "Hälsningar,\n{agent_first} | Tasklane Kundtjänst\nsupport@tasklane.example | +31 20 794 1100",
        ],
        "clarify": [
            "För att jag ska kunna titta på det ordentligt: vilken e-postadress loggar du in med, och händer det på webben, i appen eller båda?",
            "Kan du skicka en skärmbild av vad du ser och berätta vilken webbläsare eller enhet du använder?",
            "Bara för att vara säker på att jag tittar på rätt konto: vad heter er arbetsyta? Namnet står uppe till vänster när du är inloggad.",
        ],
        "clarify_replies": [
            "Det är webben, Chrome på Windows. Jag loggar in med {email}.",
            "Arbetsytan heter {company}. Skärmbild bifogad.",
            "Båda faktiskt. Jag har en {device} och en MacBook.",
            "Skärmbild bifogad. Ring gärna på {phone} om det är enklare.",
        ],
        "thanks": [
            "Det fungerade, tack!",
            "Perfekt, nu funkar allt. Tack för snabb hjälp!",
            "Tack, nu gick det!",
            "Toppen, tack så mycket {agent}!",
            "Löst. Tack för den tydliga förklaringen.",
        ],
        "thanks_question": [
            "Tack, det var precis vad jag behövde!",
            "Toppen, tack för snabbt svar.",
            "Tack {agent}, det hjälper mycket.",
        ],
        "still_broken": [
            "Har testat det, men det är fortfarande samma sak.",
            "Jag har gjort allt du skrev men det fungerar fortfarande inte.",
            "Fungerar fortfarande inte. Börjar bli ganska trött på det här.",
            "Nej, samma problem som förut.",
        ],
        "not_answered": [
            "Tack, men det svarar inte riktigt på min fråga.",
            "Jag tror du missförstod, det var inte det jag frågade om.",
        ],
        "again": [
            "Nu händer det igen, samma sak som förra gången.",
            "Förlåt att jag öppnar ärendet igen, men problemet är tillbaka.",
        ],
        "again_openers": [
            "Tråkigt att det är tillbaka! Samma lösning gäller, här är stegen igen:",
        ],
        "retry_openers": [
            "Tråkigt att det inte hjälpte. Vi provar något annat.",
            "Tack för att du testade, och förlåt att det inte löste det. Jag har tittat vidare.",
        ],
        "after_clarify": ["Tack för informationen.", "Tack, det hjälper!"],
        "welcome": [
            "Vad bra att det löste sig! Jag stänger ärendet, men svara bara om något mer dyker upp.",
            "Så bra! Ha en fin dag.",
        ],
        "nudges": [
            "Finns det något nytt om det här? Det har gått några dagar.",
            "Hej? Väntar fortfarande på svar.",
        ],
    },
}


# ---------------------------------------------------------------------------------------------
# Internal notes: agents only. Each contains INTERNAL-ONLY so tests can prove none leaks.
# (groups it fits, or None for any; language it is written in)
# ---------------------------------------------------------------------------------------------

INTERNAL_NOTES: list[tuple[list[str] | None, str, str]] = [
    (None, "en", "INTERNAL-ONLY: third ticket from this customer this month - flagged to CSM as churn risk. Keep it friendly."),
    (None, "en", "INTERNAL-ONLY: customer was quite rude on the phone earlier today. Keep replies short and factual, escalate to Priya if it continues."),
    (None, "en", "INTERNAL-ONLY: requester is not the workspace owner; owner is {colleague_email}. Did not share billing or account details."),
    (None, "en", "INTERNAL-ONLY: admin console https://admin.tasklane.internal/accounts/{account} - account created 2023, legacy Pro plan."),
    (None, "en", "INTERNAL-ONLY: customer also called in from {phone}, same issue. Merged the call note here."),
    (["Billing"], "en", "INTERNAL-ONLY: customer is on the legacy Pro plan (pre-2024 pricing), refunded {amount} via Stripe dashboard, see JIRA-{jira}."),
    (["Billing"], "en", "INTERNAL-ONLY: Stripe customer cus_{stripe}. Second charge is an uncaptured auth and will drop off. No refund needed."),
    (["Billing"], "en", "INTERNAL-ONLY: account flagged for chargeback risk in Stripe (risk score 71). No further refunds without sign-off from finance."),
    (["Billing"], "en", "INTERNAL-ONLY: customer asked for a discount; offered 20% on annual with code RETAIN20. Do not mention the code publicly."),
    (["Billing"], "en", "INTERNAL-ONLY: card is a Revolut virtual card, these fail 3DS a lot. Tracking in JIRA-{jira}."),
    (["Billing"], "en", "INTERNAL-ONLY: gave a goodwill credit of {amount}, Priya OK'd it on Slack."),
    (["Account"], "en", "INTERNAL-ONLY: verified identity via callback on {phone} and last invoice number before touching 2FA."),
    (["Account"], "en", "INTERNAL-ONLY: Mimecast again - their domain pre-clicks links. Added to the list in JIRA-{jira}."),
    (["Account"], "en", "INTERNAL-ONLY: merged duplicate account {account2} into {account}. Old login was {old_email}."),
    (["Mobile app"], "en", "INTERNAL-ONLY: sync bug tracked in JIRA-{jira}. Engineering has a fix in review - do NOT promise a date."),
    (["Mobile app"], "en", "INTERNAL-ONLY: sync logs show the device stuck on cursor {job}; cleared the server-side cursor from the admin console."),
    (["Integrations"], "en", "INTERNAL-ONLY: Outlook consent problem is on the customer's tenant ({tenant}). Nothing we can fix on our side."),
    (["Integrations"], "en", "INTERNAL-ONLY: import worker imp-3 crashed on this board, restarted job {job}. Logs in Datadog."),
    (["Integrations"], "en", "INTERNAL-ONLY: Google token refresh errors for this account, see JIRA-{jira} / incident INC-{inc}."),
    (["Data & privacy"], "en", "INTERNAL-ONLY: ran the deletion job manually; logged for the DPO as PRIV-{jira}. Identity checked against the account email."),
    (["Data & privacy"], "en", "INTERNAL-ONLY: export job {job} timed out twice on their 40 GB of attachments, raised the limit by hand."),
    (None, "nl", "INTERNAL-ONLY: derde ticket van deze klant deze maand, doorgezet naar CSM. Opzeggingsrisico."),
    (None, "nl", "INTERNAL-ONLY: aanvrager is niet de eigenaar, eigenaar is {colleague_email}. Geen factuurgegevens gedeeld."),
    (["Billing"], "nl", "INTERNAL-ONLY: klant zit nog op het oude Pro-abonnement, {amount} terugbetaald via Stripe, zie JIRA-{jira}."),
    (["Account"], "nl", "INTERNAL-ONLY: identiteit gecontroleerd door terug te bellen naar {phone}."),
    (["Mobile app"], "nl", "INTERNAL-ONLY: bekende sync-bug (JIRA-{jira}). Geen datum voor de fix beloven!"),
    (None, "sv", "INTERNAL-ONLY: kunden har fortfarande gamla Pro-planen, se JIRA-{jira}."),
    (["Mobile app"], "sv", "INTERNAL-ONLY: känd synkbugg, JIRA-{jira}. Lova inget datum."),
]


# ---------------------------------------------------------------------------------------------
# One-off tickets: each about something nobody else asks. They must not become topics.
# "status" open/pending keeps one unresolved; "after" (ISO date) keeps it from being dated earlier.
# ---------------------------------------------------------------------------------------------

ONE_OFFS: list[dict] = [
    {"lang": "en", "group": "General", "tags": ["bug", "reports"], "type": "problem", "priority": "normal",
     "after": "2026-10-01",
     "subject": "Time report totals wrong for September",
     "body": "The 'Time by person' report for September shows 212 hours for one of our designers, but if I add up his entries by hand it's 187. It looks like entries that run past midnight are counted twice - he did two late shifts for a launch.",
     "answer": T("""
        Thanks for the very clear report - you're right. Time entries that cross midnight were counted once for each day they touch in the "Time by person" report. The entries themselves are stored correctly; only the report total was wrong.

        Our developers fixed this on Tuesday, so if you open the report again now the September total should show 187 hours. Exports you made before Tuesday will still contain the old total, so it's worth exporting again if you've sent it on to payroll.
     """)},
    {"lang": "en", "group": "General", "tags": ["partnership"], "type": "question", "priority": "low",
     "subject": "Partnership / reseller programme?",
     "body": "We're a small consultancy in Manchester that implements project management tools for mid-size clients (mostly construction and engineering). Do you have a partner or reseller programme? We'd be interested in margin on licences and early access to new features.",
     "answer": T("""
        Thanks for your interest in working with us! We do have a partner programme for consultancies, with a partner discount on licences, a demo workspace and a named partner manager.

        I've passed your details on to our partnerships team, and someone will get in touch within a week. If you'd like to read up beforehand, the programme is described at https://tasklane.example/partners.
     """)},
    {"lang": "en", "group": "General", "tags": ["feature-request", "gantt"], "type": "question", "priority": "low",
     "subject": "Feature request: Gantt bar colours by assignee",
     "body": "Is there any way to colour the bars in the Gantt view by assignee instead of by project? With 12 people on one timeline it's impossible to see at a glance who is overloaded. Other tools let you pick the colour source.",
     "answer": T("""
        Thanks for the suggestion! At the moment Gantt bars can only be coloured by project or by section, not by assignee. I completely see why that would help with a 12-person timeline.

        I've added your vote to the feature request our product team keeps for this. In the meantime, the Workload view (Project > Workload) shows each person's tasks per week and highlights anyone who's over capacity - it might cover part of what you need.
     """)},
    {"lang": "en", "group": "General", "tags": ["company-info"], "type": "question", "priority": "low",
     "subject": "Your registered office address",
     "body": "Our supplier onboarding form needs your registered company name and office address, plus your company registration number and VAT number. Could you send those over?",
     "answer": T("""
        Of course. Here are our details:

        Tasklane B.V.
        Herengracht 500
        1017 CB Amsterdam
        The Netherlands

        Chamber of Commerce (KvK): 91234567
        VAT: NL865432109B01

        You'll also find them in the footer of every invoice. Let me know if your form needs anything else, such as our bank details or a W-8BEN-E.
     """)},
    {"lang": "en", "group": "Data & privacy", "tags": ["security", "questionnaire"], "type": "question", "priority": "normal",
     "subject": "Vendor security questionnaire",
     "body": "Our IT security team needs you to complete our vendor security questionnaire before we can roll Tasklane out company-wide (84 questions, spreadsheet attached). Deadline is the end of next week. Who should I send it to?",
     "answer": T("""
        Thanks for sending this over. Most of these questions are answered in our security pack, which includes our ISO 27001 certificate, SOC 2 Type II report, penetration test summary and the standard CAIQ questionnaire. You can request it at https://tasklane.example/trust; it's shared under NDA.

        I've also forwarded your spreadsheet to our security team. They'll fill in anything the pack doesn't cover and send it back to you before your deadline.
     """)},
    {"lang": "en", "group": "General", "tags": ["bug", "pdf"], "type": "problem", "priority": "normal",
     "subject": "Emoji in task names breaks PDF export",
     "body": "If a task name has an emoji in it (we use 🚧 for blocked tasks) the PDF export of the board shows empty boxes and the task name after the emoji is cut off. CSV export is fine.",
     "answer": T("""
        Thanks for spotting this! The PDF export uses a font that doesn't include emoji, and a bug made it stop writing the rest of the name after one. I've reported it to our developers.

        Until it's fixed, you can either export to CSV, or print the board from your browser instead (Project > ⋯ > Print, then "Save as PDF"), which shows the emoji correctly.
     """)},
    {"lang": "en", "group": "Integrations", "tags": ["api"], "type": "question", "priority": "normal",
     "subject": "API 429 errors",
     "body": "We're syncing Tasklane with our ERP through the REST API and since last week we get 429 Too Many Requests a lot. We make roughly 300 requests a minute during the nightly sync. What are the limits?",
     "answer": T("""
        The API allows 100 requests per minute per access token, with short bursts of up to 150. A 429 response includes a Retry-After header telling you how many seconds to wait.

        For a nightly sync at your volume, I'd suggest:

        1. Use the bulk endpoints (POST /v2/tasks/batch accepts up to 100 tasks per call).
        2. Subscribe to webhooks for changed tasks instead of polling every project.
        3. Respect the Retry-After header when you do hit the limit.

        The developer documentation has examples of all three at https://tasklane.example/developers.
     """)},
    {"lang": "en", "group": "General", "tags": ["nonprofit", "pricing"], "type": "question", "priority": "low",
     "subject": "Charity discount?",
     "body": "We're a registered charity (no. 1187654) running youth sports programmes with about 15 volunteers coordinating. Do you offer any discount for charities?",
     "answer": T("""
        We do! Registered charities and non-profits get 50% off the Team and Business plans.

        To apply, fill in the form at https://tasklane.example/nonprofit with your charity number and the name of your workspace. We usually approve applications within three business days, and the discount is applied from your next invoice.
     """)},
    {"lang": "en", "group": "General", "tags": ["accessibility"], "type": "problem", "priority": "normal",
     "subject": "Screen reader can't read board view",
     "body": "I'm blind and use NVDA with Firefox. In the board view, the screen reader announces every card as 'clickable' without the task name. List view works fine. Is this being worked on?",
     "answer": T("""
        Thank you for letting us know, and I'm sorry the board view isn't working for you. You're right: the cards in the board view are missing their accessible names, so NVDA has nothing to read out. I've reported it to our accessibility team with your details about NVDA and Firefox.

        For now, list view and the keyboard shortcut "G then L" to switch to it are the most reliable way to work with NVDA. We'll let you know in this ticket when the board view is fixed.
     """)},
    {"lang": "en", "group": "General", "tags": ["research"], "type": "question", "priority": "low",
     "subject": "Interview request for dissertation",
     "body": "I'm a master's student writing my dissertation on how small agencies coordinate remote work. Would someone from Tasklane be willing to do a 30-minute interview about how you design for distributed teams?",
     "answer": T("""
        Thanks for thinking of us, and good luck with the dissertation! Our team gets quite a few requests like this, so we can't promise an interview, but I've forwarded your message to our research team. If they're able to help, they'll contact you directly within two weeks.
     """)},
    {"lang": "en", "group": "General", "tags": ["printing"], "type": "question", "priority": "low",
     "subject": "Print board on A3",
     "body": "We pin our project board on the wall for the weekly stand-up. How do I print the board view on A3 so it fits on one page? At the moment it spreads over 6 pages.",
     "answer": T("""
        You can fit the board on one page like this:

        1. Open the project in board view and click ⋯ > Print.
        2. In the print preview, choose "Fit to page" and set the orientation to Landscape.
        3. Choose A3 as the paper size in your printer settings and print.

        If the board has lots of columns, collapsing completed sections first makes the text a lot more readable.
     """)},
    {"lang": "en", "group": "General", "tags": ["shortcuts", "bug"], "type": "problem", "priority": "low",
     "subject": "Keyboard shortcut conflicts with Firefox",
     "body": "Ctrl+Shift+K in Tasklane is supposed to add a subtask, but in Firefox it opens the developer console instead. Can the shortcut be changed?",
     "answer": T("""
        Good catch - Firefox reserves Ctrl+Shift+K for its web console, so the browser takes it before Tasklane sees it. You can use Tab then Enter on a selected task instead, or press "S" while a task is open to add a subtask.

        Custom shortcuts aren't available yet, but I've passed the conflict on to our developers so they can pick a different default.
     """)},
    {"lang": "en", "group": "Billing", "tags": ["currency"], "type": "question", "priority": "low",
     "subject": "Billing in USD instead of EUR?",
     "body": "Our company is US-based and our accounting system struggles with the EUR invoices. Can we be billed in US dollars?",
     "answer": T("""
        Yes, we can bill in USD. The currency can only be changed at the start of a billing period, so I've scheduled the switch for your next renewal. From then on your invoices and card charges will be in US dollars at our USD list prices.

        Your current period stays in EUR. No action is needed from your side.
     """)},
    {"lang": "en", "group": "Integrations", "tags": ["webhooks"], "type": "problem", "priority": "normal",
     "subject": "Webhook signature verification failing",
     "body": "We're verifying the X-Tasklane-Signature header on incoming webhooks with HMAC-SHA256 and the secret from the settings page, but the signature never matches. Are we hashing the wrong thing?",
     "answer": T("""
        The most common cause is hashing the parsed JSON instead of the raw request body. The signature is an HMAC-SHA256 of the exact bytes we send, so any re-serialisation (different spacing or key order) changes it.

        1. Read the raw body before your framework parses it.
        2. Compute HMAC-SHA256 over those bytes with your webhook secret.
        3. Compare the hex digest with the header value using a constant-time comparison.

        Also check that you're using the secret of this particular webhook - each webhook has its own.
     """)},
    {"lang": "en", "group": "General", "tags": ["marketing", "unsubscribe"], "type": "problem", "priority": "low",
     "subject": "Can't unsubscribe from marketing emails",
     "body": "I keep getting your newsletter even though I've clicked unsubscribe three times. I still want the task notifications, just not the marketing.",
     "answer": T("""
        I'm sorry about that. I've removed your address from our marketing list by hand, which takes effect immediately. The unsubscribe link was pointing at an old list for some subscribers; our marketing team has fixed it.

        Your task notifications aren't affected - those are managed separately under Settings > Notifications.
     """)},
    {"lang": "en", "group": "General", "tags": ["bug", "recurring-tasks"], "type": "problem", "priority": "normal", "after": "2026-08-01",
     "subject": "Recurring task skipped a month",
     "body": "We have a task that repeats on the last Friday of every month (payroll check). It didn't get created for July. June was fine. Did something break?",
     "answer": T("""
        You're right, and sorry about that. A bug in how "last weekday of the month" was calculated skipped months with five Fridays, like July. It was fixed yesterday, and future occurrences will be created normally.

        The July task won't appear by itself, so you may want to add it by hand this once.
     """)},
    {"lang": "en", "group": "General", "tags": ["timezones"], "type": "problem", "priority": "normal",
     "subject": "Due dates one day early for New York team",
     "body": "Our New York colleagues see every due date one day earlier than we do in London. A task due Friday shows as Thursday for them. It's causing a lot of confusion.",
     "answer": T("""
        That happens when a due date also has a time set: a task due Friday at 00:00 London time is Thursday at 19:00 in New York. Tasks with only a date show the same day everywhere.

        To fix the existing tasks, open them and clear the time (click the due date and choose "Remove time"). To stop it happening again, go to Settings > Workspace > Dates and turn off "Add a time to due dates by default".
     """)},
    {"lang": "en", "group": "General", "tags": ["custom-domain"], "type": "question", "priority": "low",
     "subject": "Custom domain for shared project pages",
     "body": "We share public project pages with our clients. Is it possible to host these on our own domain, like projects.ourcompany.com, instead of tasklane.example?",
     "answer": T("""
        I'm afraid custom domains for shared pages aren't available at the moment - they're always served from tasklane.example. You can add your own logo and colours to shared pages under Settings > Workspace > Branding (Business plan), which many customers use for client-facing pages.

        I've added your request to our product feedback list.
     """)},
    {"lang": "en", "group": "Data & privacy", "tags": ["data-residency"], "type": "question", "priority": "normal",
     "subject": "Where is our data stored?",
     "body": "One of our clients is a public body and requires that their project data stays within the EU. Where is Tasklane data hosted, and is there a DPA we can sign?",
     "answer": T("""
        All Tasklane data, including backups, is stored in the EU: our primary data centre is in Frankfurt and backups are in Amsterdam. Support staff outside the EU can't access customer data.

        Our Data Processing Agreement is available at https://tasklane.example/dpa. You can sign it electronically from Settings > Workspace > Legal, and a countersigned copy is emailed to you straight away.
     """)},
    {"lang": "en", "group": "General", "tags": ["outage"], "type": "incident", "priority": "urgent",
     "subject": "Is Tasklane down?",
     "body": "Getting 502 Bad Gateway on every page since about 9:40. Whole office is affected. Is there an outage?",
     "answer": T("""
        Yes - we had an outage this morning between 09:38 and 10:21 CET, caused by a failed database upgrade. Everything is back to normal now and no data was lost.

        I'm sorry for the disruption. You can follow live updates on https://status.tasklane.example, and we'll publish a full incident report there within five business days.
     """)},
    {"lang": "en", "group": "General", "tags": ["webinar"], "type": "question", "priority": "low",
     "subject": "Recording of the automations webinar",
     "body": "I missed the webinar on automations last Thursday because of a client meeting. Is there a recording I can watch?",
     "answer": T("""
        There is! The recording of "Automations that save you an hour a week" is available at https://tasklane.example/webinars, together with the slides. All our webinars are added there within two days of going live.
     """)},
    {"lang": "en", "group": "General", "tags": ["feature-request"], "type": "question", "priority": "low",
     "subject": "Suggestion: task templates with checklists",
     "body": "We onboard a new client every week and create the same 25 tasks each time. It would save us a lot of time if we could save a group of tasks with their checklists as a template. Is this on the roadmap?",
     "answer": T("""
        Good news: you can already do most of this with project templates. Set up one project with the 25 tasks and their subtasks, then click ⋯ > "Save as template". When a new client comes in, click "New project" > "From template" and choose it - due dates can even be shifted relative to the start date.

        Templates for a group of tasks inside an existing project aren't available yet; I've added your vote for that.
     """), "status": "pending"},
    {"lang": "nl", "group": "General", "tags": ["bug", "reports"], "type": "problem", "priority": "normal",
     "subject": "Weekenduren ontbreken in rapport",
     "body": "In het rapport 'Uren per project' worden de uren die in het weekend zijn geschreven niet meegeteld. Onze monteurs werken vaak op zaterdag, dus de totalen kloppen niet met onze eigen urenstaten.",
     "answer": T("""
        Bedankt voor je melding. Je hebt gelijk: het rapport "Uren per project" gebruikte de instelling "Werkdagen" van de werkruimte en liet daardoor uren op zaterdag en zondag weg. De uren zelf zijn wel goed opgeslagen.

        Dit is inmiddels opgelost; als je het rapport opnieuw opent, zijn de weekenduren meegeteld. Heb je eerder exports gemaakt, maak die dan opnieuw.
     """)},
    {"lang": "nl", "group": "General", "tags": ["partnership"], "type": "question", "priority": "low",
     "subject": "Partnerprogramma",
     "body": "Wij zijn een adviesbureau in Utrecht en richten voor onze klanten de projectadministratie in. We zouden Tasklane graag aanbieden. Hebben jullie een partnerprogramma?",
     "answer": T("""
        Leuk dat jullie met ons willen samenwerken! We hebben een partnerprogramma voor adviesbureaus, met partnerkorting op licenties, een demowerkruimte en een vaste contactpersoon.

        Ik heb jullie gegevens doorgestuurd naar ons partnerteam; zij nemen binnen een week contact op. Meer informatie staat alvast op https://tasklane.example/partners.
     """)},
    {"lang": "nl", "group": "Billing", "tags": ["quote", "sales"], "type": "question", "priority": "normal",
     "subject": "Offerte voor 60 gebruikers",
     "body": "Onze inkoopafdeling heeft een offerte nodig voordat we kunnen bestellen. Kunnen jullie een offerte sturen voor het Business-abonnement met 60 gebruikers, jaarlijks gefactureerd?",
     "answer": T("""
        Natuurlijk. Ik heb de offerte voor 60 plekken Business, jaarlijks gefactureerd, als pdf klaargezet. Je kunt hem downloaden via Instellingen > Facturatie > Offertes; hij is 30 dagen geldig.

        Vanaf 50 plekken geldt een staffelkorting, die staat al in de offerte verwerkt. Heeft jullie inkoop nog een inkoopordernummer of leveranciersformulier, stuur het gerust mee.
     """)},
    {"lang": "nl", "group": "General", "tags": ["feature-request", "gantt"], "type": "question", "priority": "low",
     "subject": "Kleuren per fase in Gantt",
     "body": "Is het mogelijk om in de Gantt-weergave de balken per fase een eigen kleur te geven? We werken met ontwerp, vergunning, uitvoering en oplevering en dat zou het overzicht voor de opdrachtgever veel duidelijker maken.",
     "answer": T("""
        Goede vraag! Balken in de Gantt-weergave kun je kleuren per sectie. Als je de fases (ontwerp, vergunning, uitvoering, oplevering) als secties in het project zet, krijgt elke fase zijn eigen kleur:

        1. Open de Gantt-weergave en klik op "Weergave" rechtsboven.
        2. Kies bij "Kleur op basis van" de optie "Sectie".
        3. Klik op de kleurstip naast een sectienaam om de kleur te kiezen.
     """)},
    {"lang": "nl", "group": "General", "tags": ["training"], "type": "question", "priority": "low",
     "subject": "Training op locatie",
     "body": "Geven jullie ook trainingen op locatie? We zijn met 25 mensen en willen iedereen in één middag goed op weg helpen. Wij zitten in Zwolle.",
     "answer": T("""
        Trainingen op locatie bieden we zelf niet aan, maar we werken samen met een paar gecertificeerde trainers in Nederland die dat wel doen. Ik heb je verzoek doorgestuurd naar onze partner in de regio Zwolle; zij nemen contact met je op voor een voorstel.

        Daarnaast kan iedereen gratis de online cursus "Tasklane in een uur" volgen via https://tasklane.example/academy.
     """)},
    {"lang": "nl", "group": "General", "tags": ["jobs"], "type": "question", "priority": "low",
     "subject": "Vacature supportmedewerker",
     "body": "Ik zag op LinkedIn een vacature voor een supportmedewerker bij Tasklane in Amsterdam. Is die nog open? En kan ik ook 4 dagen werken?",
     "answer": T("""
        Leuk dat je interesse hebt! De vacature staat nog open. Je kunt solliciteren via https://tasklane.example/careers; daar kun je ook aangeven dat je graag 4 dagen wilt werken. Onze recruiter beantwoordt dat soort vragen graag in het eerste gesprek.
     """)},
    {"lang": "nl", "group": "Mobile app", "tags": ["accessibility", "mobile"], "type": "question", "priority": "low",
     "subject": "Tekst in app te klein",
     "body": "De letters in de app zijn voor mij echt te klein, ook met de bril op. Kan de tekst groter?",
     "answer": T("""
        Ja, de app volgt de tekstgrootte van je telefoon:

        1. iPhone: ga naar Instellingen > Scherm en helderheid > Tekstgrootte en schuif naar rechts.
        2. Android: ga naar Instellingen > Display > Lettergrootte.

        Open Tasklane daarna opnieuw; alle teksten in de app worden dan groter.
     """)},
    {"lang": "sv", "group": "General", "tags": ["timezones", "reports"], "type": "problem", "priority": "normal",
     "subject": "Tidrapport med fel tidszon",
     "body": "När jag exporterar tidrapporten hamnar alla tider två timmar fel. Vi sitter i Stockholm och arbetsytan står på svensk tid.",
     "answer": T("""
        Tack för att du säger till! Exporten skrevs i UTC i stället för arbetsytans tidszon, därav två timmar skillnad under sommartid. Det är rättat nu, så om du exporterar igen stämmer tiderna med svensk tid.
     """)},
    {"lang": "sv", "group": "General", "tags": ["translation"], "type": "question", "priority": "low",
     "subject": "Blandade ord i svenska versionen",
     "body": "I den svenska versionen står det 'Förfallodatum' på vissa ställen och 'Deadline' på andra. Lite rörigt för våra användare. Bara så ni vet!",
     "answer": T("""
        Tack för tipset! Det ska stå "Förfallodatum" överallt. Jag har skickat vidare det till vårt översättningsteam, så rättas det i nästa uppdatering.
     """)},
    {"lang": "sv", "group": "Billing", "tags": ["currency"], "type": "question", "priority": "low",
     "subject": "Fakturor i SEK?",
     "body": "Kan vi få fakturorna i svenska kronor i stället för euro? Det skulle förenkla bokföringen för oss.",
     "answer": T("""
        Tyvärr fakturerar vi bara i euro, amerikanska dollar och brittiska pund. Vi har noterat önskemålet om svenska kronor.

        Växelkursen på kortdragningen bestäms av er bank; fakturan i euro är det underlag som gäller i bokföringen.
     """), "status": "open"},
    {"lang": "en", "group": "General", "tags": ["feature-request", "dark-mode"], "type": "question", "priority": "low",
     "subject": "Dark mode please",
     "body": "Any plans for a dark mode on the web app? I work late a lot and the white background is brutal. The mobile app has it, so it must be possible.",
     "answer": "", "status": "open"},
]
