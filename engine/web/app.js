// The intake page of `ibsa serve`: a form over the JSON API (docs/api.md).
// Plain JavaScript, no build step, nothing loaded from elsewhere (the server's CSP forbids
// it). Case content lives only in this page's memory: it is never written to localStorage,
// sessionStorage or a cookie, and leaves the page only towards this server's /api/ and as
// files the user downloads.
'use strict';

(() => {
  // ----------------------------------------------------------------------------------------
  // Texts of the page itself, in the three languages. Legal texts (questions, labels,
  // findings, reports) come from the API in the language asked for.
  // ----------------------------------------------------------------------------------------
  const NB = '\u00a0'; // French puts a no-break space before : ; ? !
  const I18N = {
    en: {
      appTitle: 'Image-based sexual abuse: legal intake',
      tagline: 'Decision support, not legal advice.',
      skip: 'Skip to the content',
      language: 'Language',
      viewsLabel: 'Sections',
      viewIntake: 'Intake',
      viewReport: 'Report',
      viewPolicy: 'Policy analysis',
      intakeTitle: 'Intake',
      caseHeading: 'The case',
      jurisdictionQuestion: 'Whose law applies?',
      jurisdictionHint: 'EU law is applied as well.',
      countryBE: 'Belgium',
      countryNL: 'Netherlands',
      dateLabel: 'Date of the facts',
      dateHint: 'If several things happened, the date of the main one. Each act can also get its own date.',
      refLabel: 'Case reference (optional)',
      refHint: 'Shown in the report and in the file name. Do not enter names of people.',
      modeQuestion: 'How to ask',
      modeOne: 'One question at a time',
      modeAll: 'All questions',
      questionsHeading: 'Questions',
      yes: 'Yes',
      no: 'No',
      dontKnow: "Don't know",
      next: 'Next',
      back: 'Back',
      clear: 'Clear answer',
      noneOfThese: 'None of these',
      actDate: 'Date of this act (if different)',
      actUncertain: 'Not certain it happened',
      answered: (n) => (n === 0 ? 'No answer yet' : n === 1 ? '1 answer given' : `${n} answers given`),
      decides: (n) => (n === 1 ? 'The answer can decide 1 finding.' : `The answer can decide ${n} findings.`),
      decidesShort: (n) => (n === 1 ? 'can decide 1 finding' : `can decide ${n} findings`),
      sensitivity2: 'Personal question: you may say why it is asked.',
      sensitivity3: 'Intimate question: say why it is asked, and that “Don\'t know” is a fine answer.',
      interviewDone: 'No other question would change a finding. Answers can still be completed or corrected under “All questions”.',
      interviewWaiting: 'Looking for the next question…',
      memberQuestion: (act) => `The act “${act}” was reported as uncertain. Is it established?`,
      chooseAnswer: 'Choose an answer, or “Don\'t know”.',
      derivedHint: 'Only if the exact age is not known.',
      groups: {
        acts: 'What was done',
        perpetrator: 'The person who did it',
        distribution: 'How it was spread',
        service: 'The online service',
        victim: 'The person shown',
        image: 'The image',
      },
      findingsHeading: 'Findings',
      appliesHeading: (n) => `Apply (${n})`,
      lawSource: (fingerprint) => `Law applied: ibsa's rulesets, fingerprint ${fingerprint}.`,
      possibleHeading: (n) => `Possible (${n})`,
      summary: (a, p, c) => `${a === 0 ? 'No provision applies yet' : a === 1 ? '1 provision applies' : `${a} provisions apply`}${c ? ` (${c} only on a contested or unverified reading)` : ''}; ${p} possible.`,
      noFindings: 'On these answers no provision applies or may apply.',
      certainty: 'Certainty',
      certaintyWords: { settled: 'settled', likely: 'likely', contested: 'contested', unverified: 'unverified' },
      why: 'Why?',
      version: 'Version',
      penalty: 'Penalty',
      decidedBy: 'Would be decided by:',
      askNow: (label) => `${label}: ask now`,
      sources: (n) => `Sources (${n})`,
      kinds: {
        offence: 'Offences',
        remedy: 'Remedies',
        referral: 'Referrals and next steps',
        obligation: 'Obligations',
        definition: 'Definitions',
        state_duty: 'Duties of the Member State (directives)',
        gap: 'Gaps',
      },
      versionGap: (inst, j, d) => `No version of ${inst} (${j}) is encoded for ${d}: check by hand.`,
      staleFindings: 'These findings are not up to date: correct the answer marked in red.',
      gotoAnswer: 'Go to that answer',
      intRange: (a, b) => `Enter a whole number from ${a} to ${b}.`,
      notAccepted: 'This answer was not accepted:',
      caseNotAccepted: 'The case was not accepted:',
      networkError: 'The ibsa server cannot be reached. Is “ibsa serve” still running?',
      loadError: 'The page could not load the questions from the ibsa server.',
      fileHeading: 'Case file and report',
      privacyNote: 'Nothing is stored: the answers stay in this page until you download them. Closing the page erases them.',
      downloadJson: 'Download (JSON)',
      downloadYaml: 'Download (YAML)',
      uploadLabel: 'Open a case file (YAML or JSON)…',
      newCase: 'New case',
      confirmDiscard: 'Discard the current answers? They have not been downloaded yet.',
      downloaded: (f) => `Downloaded ${f}.`,
      opened: (f) => `Opened ${f}.`,
      fileNotAccepted: (f) => `${f} could not be opened:`,
      showReport: 'Show the report',
      helpHeading: 'Help',
      helpBody: [
        '“One question at a time” asks the question that decides most, neutral questions before personal and intimate ones. “All questions” shows every question, grouped.',
        'An unanswered question is simply unknown: unknown is not “no”. “Don\'t know” records that the answer is not known, and the question is not asked again.',
        'Findings update after every answer: what applies, and what may apply depending on the answers still missing.',
      ],
      exampleLink: 'Example: open a fictitious case (an adult ex-partner posted an undress-app image)',
      reportHeading: 'Report for a lawyer or prosecutor',
      reportHint: 'The report of the current answers, in the language chosen above. It is made on request and kept nowhere.',
      reportTitle: 'Report',
      print: 'Print',
      openNewTab: 'Open in a new tab',
      downloadMarkdown: 'Download (Markdown)',
      backToIntake: 'Back to the intake',
      reportLoading: 'Preparing the report…',
      reportReady: 'The report is ready.',
      policyHeading: 'Policy analysis: what the law does not reach',
      policyIntro: 'Sweeps every combination of facts and lists, as patterns, the harmful situations that no offence covers (gaps), or what a change of the law changes. Gaps are gaps in the law as encoded in ibsa.',
      policyJurisdiction: 'Country',
      policyAnalysis: 'Analysis',
      kindGaps: 'Gaps on one date',
      kindDates: 'Changes between two dates',
      kindVs: 'Compared with the other country',
      kindWith: 'The law with and without a proposal',
      policyDate: 'Date',
      policyFrom: 'From',
      policyTo: 'To',
      policyProposal: 'Proposal (bill)',
      proposalNone: '— none —',
      proposalHint: (d) => `In force from ${d} if adopted: the analysis is run on that date when the chosen date is earlier.`,
      proposalRequired: 'Choose a proposal.',
      datesRequired: 'Give both dates.',
      runAnalysis: 'Run the analysis',
      busy: 'Sweeping every combination of facts…',
      resultsHeading: 'Results',
      noResultsYet: 'Choose an analysis and run it.',
      lawOf: { BE: 'Belgian law', NL: 'Dutch law' },
      gapsTitle: (j, d) => `Gaps in ${{ BE: 'Belgian', NL: 'Dutch' }[j] || j} law on ${d}`,
      diffTitle: (l, r) => `What changes: ${l} → ${r}`,
      sideDate: (law, d) => `${law} on ${d}`,
      sideWith: (law, d, w) => `${law} on ${d} with the proposal ${w}`,
      shortSides: ['the law in force', 'the proposal'],
      lawSwept: 'Law swept:',
      space: (n, f) => `${n} scenarios over ${f} facts (every combination of known values).`,
      harmKind: { harm: 'Harm', transposition: 'EU directive to transpose' },
      gapLine: (g, h, pct) => `${g} of the ${h} scenarios in which it holds are covered by no offence (${pct}).`,
      noGap: 'Every scenario in which it holds is covered by an offence.',
      uncertainLine: (u) => `${u} more are covered only by a contested or unverified reading.`,
      notCovered: 'Not covered',
      uncertainOnly: 'Covered only by a contested or unverified reading',
      pattern: (i, n) => `Pattern ${i}: ${n} scenarios`,
      showAllPatterns: (n) => `Show the ${n} other patterns`,
      example: 'Example case',
      openExample: 'Open in the intake',
      changeScenarios: (n) => `${n} scenarios`,
      noChanges: 'No scenario\'s findings change.',
      changes: {
        left: (l, r) => `Covered only under ${l}: no offence under ${r}`,
        right: (l, r) => `Covered only under ${r}: no offence under ${l}`,
        penalty: 'Penalty changed',
        removed: (l, r) => `Offence removed: nothing under ${r} continues it`,
        successor: 'No longer covered by its successor',
        newly: 'Newly covered by this offence',
        added: 'Offence added',
      },
      c: {
        yes: 'yes', no: 'no', or: 'or', not: (v) => `not ${v}`, other: (v) => `other than ${v}`,
        atLeast: (v) => `at least ${v}`, under: (v) => `under ${v}`, range: (a, b) => `${a} to ${b}`,
      },
      untitledCase: 'intake',
    },

    nl: {
      appTitle: 'Beeldgebaseerd seksueel misbruik: juridische intake',
      tagline: 'Beslissingsondersteuning, geen juridisch advies.',
      skip: 'Naar de inhoud',
      language: 'Taal',
      viewsLabel: 'Onderdelen',
      viewIntake: 'Intake',
      viewReport: 'Rapport',
      viewPolicy: 'Beleidsanalyse',
      intakeTitle: 'Intake',
      caseHeading: 'Het dossier',
      jurisdictionQuestion: 'Welk recht is van toepassing?',
      jurisdictionHint: 'Het EU-recht wordt daarnaast toegepast.',
      countryBE: 'België',
      countryNL: 'Nederland',
      dateLabel: 'Datum van de feiten',
      dateHint: 'Bij meerdere feiten: de datum van het belangrijkste. Elke handeling kan ook een eigen datum krijgen.',
      refLabel: 'Dossierreferentie (optioneel)',
      refHint: 'Staat in het rapport en in de bestandsnaam. Vul geen namen van personen in.',
      modeQuestion: 'Manier van vragen',
      modeOne: 'Eén vraag tegelijk',
      modeAll: 'Alle vragen',
      questionsHeading: 'Vragen',
      yes: 'Ja',
      no: 'Nee',
      dontKnow: 'Weet ik niet',
      next: 'Volgende',
      back: 'Terug',
      clear: 'Antwoord wissen',
      noneOfThese: 'Geen van deze',
      actDate: 'Datum van deze handeling (indien anders)',
      actUncertain: 'Niet zeker of dit gebeurd is',
      answered: (n) => (n === 0 ? 'Nog geen antwoord' : n === 1 ? '1 antwoord gegeven' : `${n} antwoorden gegeven`),
      decides: (n) => (n === 1 ? 'Het antwoord kan over 1 bevinding beslissen.' : `Het antwoord kan over ${n} bevindingen beslissen.`),
      decidesShort: (n) => (n === 1 ? 'beslist mee over 1 bevinding' : `beslist mee over ${n} bevindingen`),
      sensitivity2: 'Persoonlijke vraag: u kunt zeggen waarom ze gesteld wordt.',
      sensitivity3: 'Intieme vraag: zeg waarom ze gesteld wordt, en dat ‘Weet ik niet’ een goed antwoord is.',
      interviewDone: 'Geen enkele andere vraag zou nog een bevinding veranderen. Antwoorden kunnen nog aangevuld of verbeterd worden onder ‘Alle vragen’.',
      interviewWaiting: 'De volgende vraag wordt gezocht…',
      memberQuestion: (act) => `De handeling ‘${act}’ werd als onzeker gemeld. Staat ze vast?`,
      chooseAnswer: 'Kies een antwoord, of ‘Weet ik niet’.',
      derivedHint: 'Alleen als de exacte leeftijd niet bekend is.',
      groups: {
        acts: 'Wat er gebeurde',
        perpetrator: 'De dader',
        distribution: 'De verspreiding',
        service: 'De online dienst',
        victim: 'De afgebeelde persoon',
        image: 'Het beeld',
      },
      findingsHeading: 'Bevindingen',
      appliesHeading: (n) => `Van toepassing (${n})`,
      lawSource: (fingerprint) => `Toegepast recht: de rulesets van ibsa, vingerafdruk ${fingerprint}.`,
      possibleHeading: (n) => `Mogelijk (${n})`,
      summary: (a, p, c) => `${a === 0 ? 'Nog geen bepaling' : a === 1 ? '1 bepaling' : `${a} bepalingen`} van toepassing${c ? ` (${c} enkel volgens een betwiste of niet geverifieerde lezing)` : ''}; ${p} mogelijk.`,
      noFindings: 'Op basis van deze antwoorden is geen enkele bepaling (mogelijk) van toepassing.',
      certainty: 'Zekerheid',
      certaintyWords: { settled: 'vaststaand', likely: 'waarschijnlijk', contested: 'betwist', unverified: 'niet geverifieerd' },
      why: 'Waarom?',
      version: 'Versie',
      penalty: 'Straf',
      decidedBy: 'Wordt beslist door:',
      askNow: (label) => `${label}: nu vragen`,
      sources: (n) => `Bronnen (${n})`,
      kinds: {
        offence: 'Misdrijven',
        remedy: 'Rechtsmiddelen',
        referral: 'Doorverwijzing en volgende stappen',
        obligation: 'Verplichtingen',
        definition: 'Begrippen',
        state_duty: 'Verplichtingen van de lidstaat (richtlijnen)',
        gap: 'Leemtes',
      },
      versionGap: (inst, j, d) => `Voor ${d} is geen versie van ${inst} (${j}) gecodeerd: controleer dit zelf.`,
      staleFindings: 'Deze bevindingen zijn niet bijgewerkt: verbeter het rood gemarkeerde antwoord.',
      gotoAnswer: 'Naar dat antwoord',
      intRange: (a, b) => `Vul een geheel getal in van ${a} tot en met ${b}.`,
      notAccepted: 'Dit antwoord werd niet aanvaard:',
      caseNotAccepted: 'Het dossier werd niet aanvaard:',
      networkError: 'De ibsa-server is niet bereikbaar. Draait ‘ibsa serve’ nog?',
      loadError: 'De pagina kon de vragen niet laden van de ibsa-server.',
      fileHeading: 'Dossierbestand en rapport',
      privacyNote: 'Er wordt niets bewaard: de antwoorden blijven in deze pagina tot u ze downloadt. Wie de pagina sluit, wist ze.',
      downloadJson: 'Downloaden (JSON)',
      downloadYaml: 'Downloaden (YAML)',
      uploadLabel: 'Een dossierbestand openen (YAML of JSON)…',
      newCase: 'Nieuw dossier',
      confirmDiscard: 'De huidige antwoorden verwerpen? Ze zijn nog niet gedownload.',
      downloaded: (f) => `${f} gedownload.`,
      opened: (f) => `${f} geopend.`,
      fileNotAccepted: (f) => `${f} kon niet geopend worden:`,
      showReport: 'Rapport tonen',
      helpHeading: 'Hulp',
      helpBody: [
        '‘Eén vraag tegelijk’ stelt de vraag die het meest beslist, neutrale vragen vóór persoonlijke en intieme. ‘Alle vragen’ toont elke vraag, per onderwerp.',
        'Een onbeantwoorde vraag is gewoon onbekend: onbekend is niet ‘nee’. ‘Weet ik niet’ noteert dat het antwoord niet bekend is; de vraag komt dan niet meer terug.',
        'De bevindingen worden na elk antwoord bijgewerkt: wat van toepassing is, en wat van toepassing kan zijn afhankelijk van de antwoorden die nog ontbreken.',
      ],
      exampleLink: 'Voorbeeld: een fictief dossier openen (een volwassen ex-partner plaatste een beeld uit een uitkleed-app)',
      reportHeading: 'Rapport voor een advocaat of het parket',
      reportHint: 'Het rapport van de huidige antwoorden, in de gekozen taal. Het wordt op verzoek gemaakt en nergens bewaard.',
      reportTitle: 'Rapport',
      print: 'Afdrukken',
      openNewTab: 'Openen in een nieuw tabblad',
      downloadMarkdown: 'Downloaden (Markdown)',
      backToIntake: 'Terug naar de intake',
      reportLoading: 'Het rapport wordt opgesteld…',
      reportReady: 'Het rapport is klaar.',
      policyHeading: 'Beleidsanalyse: wat het recht niet dekt',
      policyIntro: 'Doorloopt elke combinatie van feiten en toont, als patronen, de schadelijke situaties die geen enkel misdrijf dekt (leemtes), of wat een wetswijziging verandert. Het gaat om leemtes in het recht zoals het in ibsa gecodeerd is.',
      policyJurisdiction: 'Land',
      policyAnalysis: 'Analyse',
      kindGaps: 'Leemtes op één datum',
      kindDates: 'Verschil tussen twee data',
      kindVs: 'Vergelijking met het andere land',
      kindWith: 'Het recht met en zonder een voorstel',
      policyDate: 'Datum',
      policyFrom: 'Van',
      policyTo: 'Tot',
      policyProposal: 'Voorstel (wetsvoorstel)',
      proposalNone: '— geen —',
      proposalHint: (d) => `In werking vanaf ${d} indien aangenomen: de analyse gebeurt op die datum als de gekozen datum vroeger is.`,
      proposalRequired: 'Kies een voorstel.',
      datesRequired: 'Vul beide data in.',
      runAnalysis: 'Analyse starten',
      busy: 'Alle combinaties van feiten worden doorlopen…',
      resultsHeading: 'Resultaten',
      noResultsYet: 'Kies een analyse en start ze.',
      lawOf: { BE: 'Belgisch recht', NL: 'Nederlands recht' },
      gapsTitle: (j, d) => `Leemtes in het ${{ BE: 'Belgische', NL: 'Nederlandse' }[j] || j} recht op ${d}`,
      diffTitle: (l, r) => `Wat verandert: ${l} → ${r}`,
      sideDate: (law, d) => `${law} op ${d}`,
      sideWith: (law, d, w) => `${law} op ${d} met het voorstel ${w}`,
      shortSides: ['het geldende recht', 'het voorstel'],
      lawSwept: 'Doorlopen recht:',
      space: (n, f) => `${n} scenario's over ${f} feiten (elke combinatie van bekende waarden).`,
      harmKind: { harm: 'Schade', transposition: 'Om te zetten EU-richtlijn' },
      gapLine: (g, h, pct) => `${g} van de ${h} scenario's waarin dit zich voordoet, vallen onder geen enkel misdrijf (${pct}).`,
      noGap: 'Elk scenario waarin dit zich voordoet, valt onder een misdrijf.',
      uncertainLine: (u) => `${u} andere vallen er alleen onder via een betwiste of niet-geverifieerde lezing.`,
      notCovered: 'Niet gedekt',
      uncertainOnly: 'Alleen gedekt via een betwiste of niet-geverifieerde lezing',
      pattern: (i, n) => `Patroon ${i}: ${n} scenario's`,
      showAllPatterns: (n) => `De ${n} andere patronen tonen`,
      example: 'Voorbeeldgeval',
      openExample: 'Openen in de intake',
      changeScenarios: (n) => `${n} scenario's`,
      noChanges: 'Geen enkel scenario krijgt een ander resultaat.',
      changes: {
        left: (l, r) => `Alleen gedekt volgens ${l}: geen misdrijf volgens ${r}`,
        right: (l, r) => `Alleen gedekt volgens ${r}: geen misdrijf volgens ${l}`,
        penalty: 'Straf gewijzigd',
        removed: (l, r) => `Misdrijf geschrapt: niets volgens ${r} zet het voort`,
        successor: 'Niet meer gedekt door de opvolger',
        newly: 'Nieuw gedekt door dit misdrijf',
        added: 'Misdrijf toegevoegd',
      },
      c: {
        yes: 'ja', no: 'nee', or: 'of', not: (v) => `niet ${v}`, other: (v) => `behalve ${v}`,
        atLeast: (v) => `minstens ${v}`, under: (v) => `minder dan ${v}`, range: (a, b) => `${a} tot en met ${b}`,
      },
      untitledCase: 'intake',
    },

    fr: {
      appTitle: 'Violences sexuelles par l\'image : accueil et analyse juridique',
      tagline: `Aide à la décision, pas un avis juridique.`,
      skip: 'Aller au contenu',
      language: 'Langue',
      viewsLabel: 'Rubriques',
      viewIntake: 'Entretien',
      viewReport: 'Rapport',
      viewPolicy: 'Analyse législative',
      intakeTitle: 'Entretien',
      caseHeading: 'Le dossier',
      jurisdictionQuestion: `Quel droit s'applique${NB}?`,
      jurisdictionHint: 'Le droit de l\'Union européenne s\'applique en plus.',
      countryBE: 'Belgique',
      countryNL: 'Pays-Bas',
      dateLabel: 'Date des faits',
      dateHint: `Si plusieurs faits se sont produits, la date du principal. Chaque acte peut aussi recevoir sa propre date.`,
      refLabel: 'Référence du dossier (facultatif)',
      refHint: `Figure dans le rapport et dans le nom du fichier. N'indiquez pas de noms de personnes.`,
      modeQuestion: 'Façon de poser les questions',
      modeOne: 'Une question à la fois',
      modeAll: 'Toutes les questions',
      questionsHeading: 'Questions',
      yes: 'Oui',
      no: 'Non',
      dontKnow: 'Je ne sais pas',
      next: 'Suivant',
      back: 'Retour',
      clear: 'Effacer la réponse',
      noneOfThese: 'Aucun de ces actes',
      actDate: 'Date de cet acte (si différente)',
      actUncertain: `Pas sûr que cela ait eu lieu`,
      answered: (n) => (n === 0 ? 'Aucune réponse pour l\'instant' : n === 1 ? '1 réponse donnée' : `${n} réponses données`),
      decides: (n) => (n <= 1 ? `La réponse peut trancher ${n} constat.` : `La réponse peut trancher ${n} constats.`),
      decidesShort: (n) => (n <= 1 ? `peut trancher ${n} constat` : `peut trancher ${n} constats`),
      sensitivity2: `Question personnelle${NB}: vous pouvez expliquer pourquoi elle est posée.`,
      sensitivity3: `Question intime${NB}: expliquez pourquoi elle est posée, et que «${NB}Je ne sais pas${NB}» est une réponse acceptable.`,
      interviewDone: `Aucune autre question ne changerait un constat. Les réponses peuvent encore être complétées ou corrigées dans «${NB}Toutes les questions${NB}».`,
      interviewWaiting: 'Recherche de la question suivante…',
      memberQuestion: (act) => `L'acte «${NB}${act}${NB}» a été signalé comme incertain. Est-il établi${NB}?`,
      chooseAnswer: `Choisissez une réponse, ou «${NB}Je ne sais pas${NB}».`,
      derivedHint: `Seulement si l'âge exact n'est pas connu.`,
      groups: {
        acts: 'Ce qui a été fait',
        perpetrator: 'L\'auteur',
        distribution: 'La diffusion',
        service: 'Le service en ligne',
        victim: 'La personne représentée',
        image: 'L\'image',
      },
      findingsHeading: 'Constats',
      appliesHeading: (n) => (n <= 1 ? `S'applique (${n})` : `S'appliquent (${n})`),
      lawSource: (fingerprint) => `Droit appliqué : les rulesets d'ibsa, empreinte ${fingerprint}.`,
      possibleHeading: (n) => (n <= 1 ? `Possible (${n})` : `Possibles (${n})`),
      summary: (a, p, c) => `${a === 0 ? 'Aucune disposition ne s\'applique pour l\'instant' : a === 1 ? '1 disposition s\'applique' : `${a} dispositions s'appliquent`}${c ? ` (dont ${c} selon une lecture contestée ou non vérifiée)` : ''}${NB}; ${p} ${p <= 1 ? 'possible' : 'possibles'}.`,
      noFindings: `D'après ces réponses, aucune disposition ne s'applique ni ne pourrait s'appliquer.`,
      certainty: 'Certitude',
      certaintyWords: { settled: 'établie', likely: 'probable', contested: 'contestée', unverified: 'non vérifiée' },
      why: `Pourquoi${NB}?`,
      version: 'Version',
      penalty: 'Peine',
      decidedBy: `Serait tranché par${NB}:`,
      askNow: (label) => `${label}${NB}: poser maintenant`,
      sources: (n) => `Sources (${n})`,
      kinds: {
        offence: 'Infractions',
        remedy: 'Recours',
        referral: 'Orientation et prochaines étapes',
        obligation: 'Obligations',
        definition: 'Notions',
        state_duty: 'Obligations de l\'État membre (directives)',
        gap: 'Lacunes',
      },
      versionGap: (inst, j, d) => `Aucune version de ${inst} (${j}) n'est encodée pour le ${d}${NB}: à vérifier soi-même.`,
      staleFindings: `Ces constats ne sont pas à jour${NB}: corrigez la réponse signalée en rouge.`,
      gotoAnswer: 'Aller à cette réponse',
      intRange: (a, b) => `Indiquez un nombre entier de ${a} à ${b}.`,
      notAccepted: `Cette réponse n'a pas été acceptée${NB}:`,
      caseNotAccepted: `Le dossier n'a pas été accepté${NB}:`,
      networkError: `Le serveur ibsa est injoignable. «${NB}ibsa serve${NB}» fonctionne-t-il toujours${NB}?`,
      loadError: `La page n'a pas pu charger les questions depuis le serveur ibsa.`,
      fileHeading: 'Fichier du dossier et rapport',
      privacyNote: `Rien n'est conservé${NB}: les réponses restent dans cette page jusqu'à ce que vous les téléchargiez. Fermer la page les efface.`,
      downloadJson: 'Télécharger (JSON)',
      downloadYaml: 'Télécharger (YAML)',
      uploadLabel: 'Ouvrir un fichier de dossier (YAML ou JSON)…',
      newCase: 'Nouveau dossier',
      confirmDiscard: `Abandonner les réponses actuelles${NB}? Elles n'ont pas encore été téléchargées.`,
      downloaded: (f) => `${f} téléchargé.`,
      opened: (f) => `${f} ouvert.`,
      fileNotAccepted: (f) => `${f} n'a pas pu être ouvert${NB}:`,
      showReport: 'Afficher le rapport',
      helpHeading: 'Aide',
      helpBody: [
        `«${NB}Une question à la fois${NB}» pose la question qui tranche le plus, les questions neutres avant les questions personnelles et intimes. «${NB}Toutes les questions${NB}» affiche toutes les questions, par thème.`,
        `Une question sans réponse reste simplement inconnue${NB}: inconnu ne veut pas dire «${NB}non${NB}». «${NB}Je ne sais pas${NB}» note que la réponse n'est pas connue, et la question n'est plus posée.`,
        `Les constats sont mis à jour après chaque réponse${NB}: ce qui s'applique, et ce qui pourrait s'appliquer selon les réponses qui manquent encore.`,
      ],
      exampleLink: `Exemple${NB}: ouvrir un dossier fictif (un ex-partenaire majeur a publié une image faite par une application de déshabillage)`,
      reportHeading: 'Rapport pour un avocat ou le parquet',
      reportHint: `Le rapport des réponses actuelles, dans la langue choisie. Il est établi à la demande et n'est conservé nulle part.`,
      reportTitle: 'Rapport',
      print: 'Imprimer',
      openNewTab: 'Ouvrir dans un nouvel onglet',
      downloadMarkdown: 'Télécharger (Markdown)',
      backToIntake: `Retour à l'entretien`,
      reportLoading: 'Préparation du rapport…',
      reportReady: 'Le rapport est prêt.',
      policyHeading: `Analyse législative${NB}: ce que le droit ne couvre pas`,
      policyIntro: `Parcourt toutes les combinaisons de faits et liste, sous forme de profils, les situations préjudiciables qu'aucune infraction ne couvre (lacunes), ou ce que change une modification du droit. Il s'agit des lacunes du droit tel qu'il est encodé dans ibsa.`,
      policyJurisdiction: 'Pays',
      policyAnalysis: 'Analyse',
      kindGaps: 'Lacunes à une date',
      kindDates: 'Changements entre deux dates',
      kindVs: `Comparaison avec l'autre pays`,
      kindWith: 'Le droit avec et sans une proposition',
      policyDate: 'Date',
      policyFrom: 'Du',
      policyTo: 'Au',
      policyProposal: 'Proposition (projet de loi)',
      proposalNone: '— aucune —',
      proposalHint: (d) => `En vigueur à partir du ${d} si elle est adoptée${NB}: l'analyse est faite à cette date si la date choisie est antérieure.`,
      proposalRequired: 'Choisissez une proposition.',
      datesRequired: 'Indiquez les deux dates.',
      runAnalysis: `Lancer l'analyse`,
      busy: 'Parcours de toutes les combinaisons de faits…',
      resultsHeading: 'Résultats',
      noResultsYet: 'Choisissez une analyse et lancez-la.',
      lawOf: { BE: 'droit belge', NL: 'droit néerlandais' },
      gapsTitle: (j, d) => `Lacunes du droit ${{ BE: 'belge', NL: 'néerlandais' }[j] || j} au ${d}`,
      diffTitle: (l, r) => `Ce qui change${NB}: ${l} → ${r}`,
      sideDate: (law, d) => `le ${law} au ${d}`,
      sideWith: (law, d, w) => `le ${law} au ${d} avec la proposition ${w}`,
      shortSides: ['le droit en vigueur', 'la proposition'],
      lawSwept: `Droit parcouru${NB}:`,
      space: (n, f) => `${n} scénarios sur ${f} faits (toutes les combinaisons de valeurs connues).`,
      harmKind: { harm: 'Préjudice', transposition: 'Directive de l\'UE à transposer' },
      gapLine: (g, h, pct) => `${g} des ${h} scénarios où il se présente ne sont couverts par aucune infraction (${pct}).`,
      noGap: 'Chaque scénario où il se présente est couvert par une infraction.',
      uncertainLine: (u) => `${u} autres ne sont couverts que par une lecture contestée ou non vérifiée.`,
      notCovered: 'Non couverts',
      uncertainOnly: 'Couverts seulement par une lecture contestée ou non vérifiée',
      pattern: (i, n) => `Profil ${i}${NB}: ${n} scénarios`,
      showAllPatterns: (n) => `Afficher les ${n} autres profils`,
      example: 'Exemple de cas',
      openExample: `Ouvrir dans l'entretien`,
      changeScenarios: (n) => `${n} scénarios`,
      noChanges: 'Aucun scénario ne change de résultat.',
      changes: {
        left: (l, r) => `Couvert seulement selon ${l}${NB}: aucune infraction selon ${r}`,
        right: (l, r) => `Couvert seulement selon ${r}${NB}: aucune infraction selon ${l}`,
        penalty: 'Peine modifiée',
        removed: (l, r) => `Infraction supprimée${NB}: rien selon ${r} ne la prolonge`,
        successor: `N'est plus couvert par la disposition qui lui succède`,
        newly: 'Nouvellement couvert par cette infraction',
        added: 'Infraction ajoutée',
      },
      c: {
        yes: 'oui', no: 'non', or: 'ou', not: (v) => `pas ${v}`, other: (v) => `autre que ${v}`,
        atLeast: (v) => `au moins ${v}`, under: (v) => `moins de ${v}`, range: (a, b) => `de ${a} à ${b}`,
      },
      untitledCase: 'entretien',
    },
  };

  const LOCALES = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };
  const KIND_ORDER = ['offence', 'remedy', 'referral', 'obligation', 'definition', 'state_duty', 'gap'];
  const DEBOUNCE_MS = 200;

  // The fictitious sample case of the help section (cases/demo/be-ex-partner-undress-posted.yaml).
  const SAMPLE_CASE = {
    id: 'demo-be-ex-partner-undress',
    title: 'Undress-app image of an adult posted by an ex-partner to humiliate her',
    jurisdiction: 'BE',
    date: '2025-03-14',
    victim: { real_person: true, age: 29, identifiable: true, consent_creation: false, consent_sharing: false },
    image: { technique: 'undress', content: 'nudity', realistic: true, appears_minor: false },
    acts: [{ type: 'create', date: '2025-03-10' }, { type: 'share' }],
    perpetrator: { age: 31, malicious: true, relationship: 'ex_partner' },
    service: { type: 'messaging', origin: 'user_upload' },
  };

  // ----------------------------------------------------------------------------------------
  // State. Everything the user answered is in `state.case`, as the API reads it: a fact not
  // answered is absent, a fact not known is the string "unknown".
  // ----------------------------------------------------------------------------------------
  const state = {
    lang: pickLanguage(),
    view: 'intake',
    mode: 'one',
    facts: [],
    factByName: new Map(),
    rulesets: [],
    case: newCase(),
    result: null, // the last result of /api/next-questions that matched the case
    error: null, // the last API error about the case
    stale: false,
    seq: 0,
    pending: null, // AbortController of the request in flight
    timer: 0,
    dirty: false, // answers not yet downloaded
    history: [], // interview answers, to go back: {fact, member, before, skipped}
    skipped: new Set(), // "acts:publish": uncertain acts answered "don't know" in this session
    pinned: null, // {fact, member}: the question shown instead of the best-ranked one
    draft: undefined, // the interview's answer before "Next"
    shownQuestion: null,
    awaitingQuestion: false,
    report: { url: null, stamp: null }, // the report shown: its Blob URL, for which case and language
    possibleChosen: false, // the user opened or closed the list of possible findings
    possibleOpen: false,
    shownFact: null,
    caseStamp: 0,
    lastPolicy: null,
  };

  const $ = (id) => document.getElementById(id);
  const t = (key) => {
    const value = I18N[state.lang][key];
    return value === undefined ? I18N.en[key] : value;
  };

  function pickLanguage() {
    for (const l of navigator.languages || [navigator.language || 'en']) {
      const code = String(l).slice(0, 2).toLowerCase();
      if (code in I18N) return code;
    }
    return 'en';
  }

  function today() {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }

  function newCase() {
    return { id: '', jurisdiction: 'BE', date: today() };
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'class') node.className = v;
        else if (k === 'text') node.textContent = v;
        else if (k === 'dataset') Object.assign(node.dataset, v);
        else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
        else if (v === true) node.setAttribute(k, '');
        else node.setAttribute(k, v);
      }
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function clone(value) {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }

  function formatNumber(n) {
    return new Intl.NumberFormat(LOCALES[state.lang], { maximumFractionDigits: 0 }).format(n);
  }

  function formatDate(iso) {
    if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso || '';
    const [y, m, d] = iso.split('-').map(Number);
    const text = new Intl.DateTimeFormat(LOCALES[state.lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
    return state.lang === 'fr' ? text.replace(/^1 /, '1er ') : text;
  }

  function quote(text) {
    return state.lang === 'fr' ? `«${NB}${text}${NB}»` : state.lang === 'nl' ? `‘${text}’` : `“${text}”`;
  }

  // "Label:" with French typography.
  function colon(label) {
    return state.lang === 'fr' ? `${label}${NB}:` : `${label}:`;
  }

  // ----------------------------------------------------------------------------------------
  // The case: reading and writing facts by name ("victim.age", "acts").
  // ----------------------------------------------------------------------------------------
  function getFact(name) {
    if (!name.includes('.')) return state.case[name];
    const [group, key] = splitName(name);
    const g = state.case[group];
    return g && typeof g === 'object' ? g[key] : undefined;
  }

  function setFact(name, value) {
    if (!name.includes('.')) {
      if (value === undefined) delete state.case[name];
      else state.case[name] = value;
      return;
    }
    const [group, key] = splitName(name);
    if (value === undefined) {
      if (state.case[group]) {
        delete state.case[group][key];
        if (Object.keys(state.case[group]).length === 0) delete state.case[group];
      }
    } else {
      if (!state.case[group] || typeof state.case[group] !== 'object') state.case[group] = {};
      state.case[group][key] = value;
    }
  }

  function splitName(name) {
    const dot = name.indexOf('.');
    return [name.slice(0, dot), name.slice(dot + 1)];
  }

  function answeredFacts() {
    return state.facts.filter((f) => getFact(f.name) !== undefined);
  }

  function hasAnswers() {
    return answeredFacts().length > 0;
  }

  // The case as sent to the API and downloaded: an id is always given.
  function caseForApi() {
    const c = clone(state.case);
    if (!c.id) c.id = defaultId();
    return c;
  }

  function defaultId() {
    return `${t('untitledCase')}-${state.case.date || today()}`;
  }

  function fileBase() {
    const id = (state.case.id || defaultId()).normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '');
    return id || 'case';
  }

  function factOf(name) {
    return state.factByName.get(name);
  }

  function valueLabel(fact, value) {
    const v = (fact.values || []).find((x) => x.value === value);
    return v ? v.label[state.lang] : value;
  }

  // ----------------------------------------------------------------------------------------
  // The API
  // ----------------------------------------------------------------------------------------
  class ApiError extends Error {
    constructor(error, status) {
      super(error.message || `HTTP ${status}`);
      this.status = error.status || status;
      this.field = error.field || '';
      this.code = error.code || '';
      this.help = error.help || [];
    }
  }

  async function api(path, body, { signal, text = false } = {}) {
    let response;
    try {
      response = await fetch(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        cache: 'no-store',
        credentials: 'same-origin',
      });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError({ message: t('networkError') }, 0);
    }
    if (!response.ok) {
      let error = { message: `HTTP ${response.status}` };
      try {
        const parsed = await response.json();
        if (parsed && parsed.error) error = parsed.error;
      } catch (_) { /* not JSON */ }
      throw new ApiError(error, response.status);
    }
    return text ? response.text() : response.json();
  }

  // ----------------------------------------------------------------------------------------
  // Evaluation: debounced after each change, the latest request wins.
  // ----------------------------------------------------------------------------------------
  function caseChanged({ immediate = false, record = true } = {}) {
    if (record) state.dirty = true;
    state.caseStamp += 1;
    markBusy(true);
    clearTimeout(state.timer);
    state.timer = setTimeout(evaluate, immediate ? 0 : DEBOUNCE_MS);
    syncDerivedVisibility();
    updateProgress();
  }

  function markBusy(busy) {
    const panel = $('findings');
    panel.setAttribute('aria-busy', busy ? 'true' : 'false');
    panel.classList.toggle('is-busy', busy);
  }

  async function evaluate() {
    if (state.pending) state.pending.abort();
    const controller = new AbortController();
    state.pending = controller;
    const seq = ++state.seq;
    const body = { case: caseForApi(), lang: state.lang };
    try {
      const result = await api('/api/next-questions', body, { signal: controller.signal });
      if (seq !== state.seq) return;
      state.result = result;
      state.error = null;
      state.stale = false;
    } catch (e) {
      if (e.name === 'AbortError' || seq !== state.seq) return;
      state.error = e;
      state.stale = true;
    }
    state.pending = null;
    clearFieldErrors();
    if (state.error) showCaseError(state.error);
    renderFindings();
    renderInterview();
    markBusy(false);
    $('findings').dataset.updates = String(Number($('findings').dataset.updates || 0) + 1);
  }

  // ----------------------------------------------------------------------------------------
  // Errors next to the field they are about
  // ----------------------------------------------------------------------------------------
  function fieldOfPointer(pointer) {
    // "/case/victim/age" -> "victim.age"; "/case/acts/0/type" -> "acts"; "/case/date" -> "date"
    const parts = (pointer || '').split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (parts[0] !== 'case' || parts.length < 2) return null;
    if (parts.length >= 3 && state.factByName.has(`${parts[1]}.${parts[2]}`)) return `${parts[1]}.${parts[2]}`;
    if (state.factByName.has(parts[1])) return parts[1];
    if (['date', 'jurisdiction', 'id'].includes(parts[1])) return parts[1];
    return null;
  }

  // The API's messages are in English (a network error is ours, in the page's language).
  function errorContent(error, local) {
    const lang = error.status === 0 ? undefined : 'en';
    const parts = [];
    if (local) parts.push(el('span', { class: 'error-local', text: `${local} ` }));
    parts.push(el('span', { class: 'error-message', lang, text: error.message }));
    if (error.help && error.help.length) {
      parts.push(el('ul', { class: 'error-help', lang }, error.help.map((h) => el('li', { text: h }))));
    }
    return parts;
  }

  // What the page can say itself, in its language, about a refused answer.
  function localHint(field) {
    const fact = factOf(field);
    if (!fact || fact.type !== 'int') return '';
    return t('intRange')(fact.min ?? 0, fact.max ?? 999);
  }

  function clearFieldErrors() {
    for (const node of document.querySelectorAll('#view-intake .field-error')) {
      node.hidden = true;
      node.textContent = '';
    }
    for (const node of document.querySelectorAll('#view-intake [aria-invalid="true"]')) node.removeAttribute('aria-invalid');
    for (const node of document.querySelectorAll('#view-intake .has-error')) node.classList.remove('has-error');
    $('case-error').hidden = true;
    $('case-error').textContent = '';
  }

  function showCaseError(error) {
    const field = fieldOfPointer(error.field);
    const targets = [];
    if (field === 'date') targets.push($('case-date-error'));
    else if (field === 'id') targets.push($('case-ref-error'));
    else if (field) {
      for (const node of document.querySelectorAll(`#view-intake [data-fact="${CSS.escape(field)}"] > .field-error, #view-intake [data-fact="${CSS.escape(field)}"] > fieldset > .field-error`)) {
        targets.push(node);
      }
    }
    for (const target of targets) {
      target.replaceChildren(el('span', { class: 'error-lead', text: `${t('notAccepted')} ` }), ...errorContent(error, localHint(field)));
      target.hidden = false;
      const container = target.closest('[data-fact]');
      if (container) {
        container.classList.add('has-error');
        for (const input of container.querySelectorAll('input, select')) input.setAttribute('aria-invalid', 'true');
      }
    }
    // Shown in the questions too when no field it names is on screen (a fact of "all
    // questions" while one question at a time is asked).
    if (!targets.some((target) => !target.parentElement.closest('[hidden]'))) {
      const box = $('case-error');
      box.replaceChildren(el('span', { class: 'error-lead', text: `${t('caseNotAccepted')} ` }), ...errorContent(error));
      box.hidden = false;
    }
  }

  // ----------------------------------------------------------------------------------------
  // One field per fact. `ctx.mode` is "all" (changes apply at once, "don't know" is one of
  // the choices) or "one" (the interview: the answer is a draft until "Next").
  // ----------------------------------------------------------------------------------------
  let fieldSerial = 0;

  function buildField(fact, ctx) {
    const id = `${ctx.mode}-${fact.name.replace(/[^\w]/g, '-')}-${++fieldSerial}`;
    const hintIds = [];
    const container = el('div', { class: `field fact-field type-${fact.type}`, dataset: { fact: fact.name } });
    const errorId = `${id}-error`;
    const error = el('p', { class: 'field-error', id: errorId, hidden: true });
    const hints = [];
    if (ctx.hints) {
      for (const [i, text] of ctx.hints.entries()) {
        const hintId = `${id}-hint${i}`;
        hintIds.push(hintId);
        hints.push(el('p', { class: 'hint', id: hintId, text }));
      }
    }
    const describedBy = [...hintIds, errorId].join(' ');
    const questionText = ctx.question || fact.question[state.lang];
    const value = ctx.value;
    const onChange = ctx.onChange;

    const legendContent = () => {
      const parts = [el('span', { class: 'question-text', text: questionText })];
      if (ctx.mode === 'all' && ctx.badge) parts.push(' ', el('span', { class: 'badge decides', text: ctx.badge }));
      return parts;
    };

    if (fact.type === 'bool' || fact.type === 'enum' || ctx.member) {
      const fieldset = el('fieldset', { class: 'choice-group' });
      const legend = el('legend', { id: `${id}-legend` }, legendContent());
      if (ctx.mode === 'one') legend.tabIndex = -1;
      fieldset.append(legend, ...hints);
      const options = fact.type === 'enum' && !ctx.member
        ? fact.values.map((v) => ({ value: v.value, label: v.label[state.lang] }))
        : [{ value: true, label: t('yes') }, { value: false, label: t('no') }];
      if (ctx.mode === 'all') options.push({ value: 'unknown', label: t('dontKnow'), unknown: true });
      const wrap = el('div', { class: `choices${options.length <= 3 ? ' inline' : ' grid'}` });
      for (const option of options) {
        const input = el('input', {
          type: 'radio',
          name: id,
          value: JSON.stringify(option.value),
          'aria-describedby': describedBy,
          checked: value !== undefined && JSON.stringify(value) === JSON.stringify(option.value),
        });
        input.addEventListener('change', () => {
          if (input.checked) onChange(option.value);
          updateClear();
        });
        wrap.append(el('label', { class: `choice${option.unknown ? ' dont-know' : ''}` }, input, ' ', el('span', { text: option.label })));
      }
      fieldset.append(wrap);
      let clearButton = null;
      const updateClear = () => {
        if (clearButton) clearButton.hidden = !wrap.querySelector('input:checked');
      };
      if (ctx.mode === 'all') {
        clearButton = el('button', { type: 'button', class: 'clear-answer link-button', text: t('clear') });
        clearButton.setAttribute('aria-label', `${colon(t('clear'))} ${fact.label[state.lang]}`);
        clearButton.addEventListener('click', () => {
          for (const input of wrap.querySelectorAll('input')) input.checked = false;
          onChange(undefined);
          updateClear();
          const first = wrap.querySelector('input');
          if (first) first.focus();
        });
        fieldset.append(clearButton);
        updateClear();
      }
      fieldset.append(error);
      container.append(fieldset);
      container.focusTarget = () => wrap.querySelector('input:checked') || wrap.querySelector('input');
      container.legend = legend;
      return container;
    }

    if (fact.type === 'set') {
      const fieldset = el('fieldset', { class: 'choice-group' });
      const legend = el('legend', { id: `${id}-legend` }, legendContent());
      if (ctx.mode === 'one') legend.tabIndex = -1;
      fieldset.append(legend, ...hints);
      const list = Array.isArray(value) ? value : [];
      const isUnknown = value === 'unknown';
      const isNone = Array.isArray(value) && value.length === 0;
      const wrap = el('div', { class: 'choices set-choices' });
      const rows = [];
      const read = () => {
        if (unknownBox && unknownBox.checked) return 'unknown';
        if (noneBox.checked) return [];
        const out = [];
        for (const row of rows) {
          if (!row.box.checked) continue;
          const item = { type: row.value };
          if (row.date.value) item.date = row.date.value;
          if (row.uncertain.checked) item.certain = false;
          out.push(item);
        }
        return out.length ? out : undefined;
      };
      const sync = () => {
        const unknown = unknownBox && unknownBox.checked;
        for (const row of rows) {
          row.box.disabled = unknown;
          row.extra.hidden = !row.box.checked || unknown;
        }
        noneBox.disabled = unknown;
      };
      const changed = () => {
        sync();
        onChange(read());
        if (clearButton) clearButton.hidden = read() === undefined;
      };
      for (const v of fact.values) {
        const current = list.find((item) => item.type === v.value);
        const box = el('input', { type: 'checkbox', value: v.value, checked: !!current, 'aria-describedby': describedBy });
        const date = el('input', {
          type: 'date',
          class: 'act-date',
          value: current && current.date ? current.date : '',
          max: today(),
          'aria-label': `${colon(t('actDate'))} ${v.label[state.lang]}`,
        });
        const uncertain = el('input', { type: 'checkbox', class: 'act-uncertain', checked: !!(current && current.certain === false) });
        const extra = el('div', { class: 'act-extra' },
          el('label', { class: 'act-date-label' }, el('span', { text: t('actDate') }), date),
          el('label', { class: 'choice small' }, uncertain, ' ', el('span', { text: t('actUncertain') })));
        uncertain.setAttribute('aria-label', `${colon(t('actUncertain'))} ${v.label[state.lang]}`);
        box.addEventListener('change', () => {
          if (box.checked) noneBox.checked = false;
          changed();
        });
        date.addEventListener('change', changed);
        uncertain.addEventListener('change', changed);
        const row = { value: v.value, box, date, uncertain, extra };
        rows.push(row);
        wrap.append(el('div', { class: 'act-row' }, el('label', { class: 'choice' }, box, ' ', el('span', { text: v.label[state.lang] })), extra));
      }
      const noneBox = el('input', { type: 'checkbox', checked: isNone, 'aria-describedby': describedBy });
      noneBox.addEventListener('change', () => {
        if (noneBox.checked) for (const row of rows) row.box.checked = false;
        changed();
      });
      wrap.append(el('div', { class: 'act-row' }, el('label', { class: 'choice' }, noneBox, ' ', el('span', { text: t('noneOfThese') }))));
      let unknownBox = null;
      if (ctx.mode === 'all') {
        unknownBox = el('input', { type: 'checkbox', checked: isUnknown, 'aria-describedby': describedBy });
        unknownBox.addEventListener('change', changed);
        wrap.append(el('div', { class: 'act-row' }, el('label', { class: 'choice dont-know' }, unknownBox, ' ', el('span', { text: t('dontKnow') }))));
      }
      fieldset.append(wrap);
      let clearButton = null;
      if (ctx.mode === 'all') {
        clearButton = el('button', { type: 'button', class: 'clear-answer link-button', text: t('clear'), hidden: value === undefined });
        clearButton.setAttribute('aria-label', `${colon(t('clear'))} ${fact.label[state.lang]}`);
        clearButton.addEventListener('click', () => {
          for (const row of rows) {
            row.box.checked = false;
            row.date.value = '';
            row.uncertain.checked = false;
          }
          noneBox.checked = false;
          unknownBox.checked = false;
          changed();
          rows[0].box.focus();
        });
        fieldset.append(clearButton);
      }
      fieldset.append(error);
      container.append(fieldset);
      sync();
      container.focusTarget = () => rows[0].box;
      container.legend = legend;
      return container;
    }

    // int and date: one input, and (all questions) a "don't know" box.
    const inputId = `${id}-input`;
    const label = el('label', { for: inputId, id: `${id}-legend` }, legendContent());
    if (ctx.mode === 'one') label.tabIndex = -1;
    const input = el('input', {
      id: inputId,
      type: fact.type === 'int' ? 'number' : 'date',
      'aria-describedby': describedBy,
      value: value !== undefined && value !== 'unknown' ? String(value) : '',
    });
    if (fact.type === 'int') {
      input.inputMode = 'numeric';
      input.step = '1';
      if (fact.min !== undefined) input.min = String(fact.min);
      if (fact.max !== undefined) input.max = String(fact.max);
    }
    const read = () => {
      if (unknownBox && unknownBox.checked) return 'unknown';
      const raw = input.value.trim();
      if (raw === '') return undefined;
      if (fact.type === 'int') return /^-?\d+$/.test(raw) ? Number(raw) : raw;
      return raw;
    };
    let unknownBox = null;
    const row = el('div', { class: 'input-row' }, input);
    if (ctx.mode === 'all') {
      unknownBox = el('input', { type: 'checkbox', checked: value === 'unknown', 'aria-describedby': describedBy });
      unknownBox.setAttribute('aria-label', `${colon(t('dontKnow'))} ${fact.label[state.lang]}`);
      row.append(el('label', { class: 'choice dont-know' }, unknownBox, ' ', el('span', { text: t('dontKnow') })));
      unknownBox.addEventListener('change', () => {
        input.disabled = unknownBox.checked;
        onChange(read());
      });
      input.disabled = value === 'unknown';
    }
    input.addEventListener('input', () => onChange(read()));
    input.addEventListener('change', () => onChange(read()));
    container.append(label, ...hints, row, error);
    container.focusTarget = () => input;
    container.legend = label;
    return container;
  }

  // ----------------------------------------------------------------------------------------
  // "All questions": every fact a user can state, grouped, neutral questions first.
  // ----------------------------------------------------------------------------------------
  function groupOf(name) {
    return name.includes('.') ? splitName(name)[0] : name;
  }

  function groupedFacts() {
    const groups = new Map();
    for (const fact of state.facts) {
      const g = groupOf(fact.name);
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(fact);
    }
    const mean = (list) => {
      const asked = list.filter((f) => !f.derived);
      return asked.reduce((s, f) => s + f.sensitivity, 0) / Math.max(1, asked.length);
    };
    // Neutral groups first; within a group, neutral questions first (a stable sort keeps
    // the vocabulary's order among equals), derived facts last.
    const ordered = [...groups.entries()].map(([name, list], index) => ({ name, list, index, mean: mean(list) }));
    ordered.sort((a, b) => a.mean - b.mean || a.index - b.index);
    for (const g of ordered) {
      const sorted = g.list
        .map((f, i) => ({ f, i }))
        .sort((a, b) => Number(a.f.derived) - Number(b.f.derived) || a.f.sensitivity - b.f.sensitivity || a.i - b.i)
        .map((x) => x.f);
      // A derived fact (victim.minor) comes right after the age it derives from.
      const derived = sorted.filter((f) => f.derived);
      const base = sorted.findIndex((f) => f.name === `${g.name}.age`);
      if (base >= 0 && derived.length) {
        const rest = sorted.filter((f) => !f.derived);
        const at = rest.findIndex((f) => f.name === `${g.name}.age`) + 1;
        g.list = [...rest.slice(0, at), ...derived, ...rest.slice(at)];
      } else {
        g.list = sorted;
      }
    }
    return ordered;
  }

  function decidesCount(name) {
    const questions = (state.result && state.result.next_questions) || [];
    const q = questions.find((x) => x.fact === name && !x.member);
    return q ? q.decides.length : 0;
  }

  function renderAllMode() {
    const root = $('all-mode');
    const active = document.activeElement && root.contains(document.activeElement) ? document.activeElement : null;
    const activeFact = active && active.closest('[data-fact]') ? active.closest('[data-fact]').dataset.fact : null;
    root.replaceChildren();
    for (const group of groupedFacts()) {
      const title = (t('groups') || {})[group.name] || group.name;
      const section = el('fieldset', { class: 'fact-group', dataset: { group: group.name } });
      section.append(el('legend', { class: 'group-legend' }, el('span', { text: title })));
      for (const fact of group.list) {
        const hints = [];
        if (fact.derived) hints.push(t('derivedHint'));
        if (fact.sensitivity >= 3) hints.push(t('sensitivity3'));
        const n = decidesCount(fact.name);
        const field = buildField(fact, {
          mode: 'all',
          value: getFact(fact.name),
          hints,
          badge: n ? t('decidesShort')(n) : null,
          onChange: (v) => {
            setFact(fact.name, v);
            caseChanged();
          },
        });
        if (fact.derived) field.classList.add('derived');
        section.append(field);
      }
      root.append(section);
    }
    syncDerivedVisibility();
    if (activeFact) focusField(activeFact, false);
  }

  // A derived fact (victim.minor) is asked only while the fact it derives from (victim.age)
  // is not a number, or when the case states it.
  function syncDerivedVisibility() {
    for (const field of document.querySelectorAll('#all-mode .fact-field.derived')) {
      const name = field.dataset.fact;
      const base = `${groupOf(name)}.age`;
      const baseValue = getFact(base);
      field.hidden = typeof baseValue === 'number' && getFact(name) === undefined;
    }
  }

  function updateDecidesBadges() {
    for (const field of document.querySelectorAll('#all-mode .fact-field')) {
      const n = decidesCount(field.dataset.fact);
      const legend = field.querySelector('legend, label');
      let badge = legend && legend.querySelector('.badge.decides');
      if (!n) {
        if (badge) badge.remove();
        continue;
      }
      if (!badge && legend) {
        badge = el('span', { class: 'badge decides' });
        legend.append(' ', badge);
      }
      if (badge) badge.textContent = t('decidesShort')(n);
    }
  }

  function focusField(name, scroll = true) {
    const field = document.querySelector(`#all-mode [data-fact="${CSS.escape(name)}"]`);
    if (!field) return false;
    field.hidden = false;
    const target = field.focusTarget ? field.focusTarget() : field.querySelector('input');
    if (target) {
      target.focus({ preventScroll: !scroll });
      if (scroll) field.scrollIntoView({ block: 'center' });
    }
    return true;
  }

  // ----------------------------------------------------------------------------------------
  // "One question at a time": the best-ranked question of /api/next-questions not answered
  // "don't know" (as `ibsa interview` asks), with Back.
  // ----------------------------------------------------------------------------------------
  function currentQuestion() {
    if (state.pinned) {
      const fact = factOf(state.pinned.fact);
      if (fact) {
        const fromApi = ((state.result && state.result.next_questions) || []).find(
          (q) => q.fact === state.pinned.fact && (q.member || null) === (state.pinned.member || null));
        return {
          fact: state.pinned.fact,
          member: state.pinned.member || null,
          question: fromApi ? fromApi.question : fact.question[state.lang],
          sensitivity: fact.sensitivity,
          decides: fromApi ? fromApi.decides : [],
        };
      }
    }
    if (!state.result) return null;
    for (const q of state.result.next_questions || []) {
      if (q.member) {
        if (state.skipped.has(`${q.fact}:${q.member}`)) continue;
      } else if (getFact(q.fact) === 'unknown') {
        continue; // answered "don't know": not asked again
      }
      return q;
    }
    return null;
  }

  // What the question card shows: a new key re-renders it (a new question, or the same
  // question in another language).
  function questionKey(q) {
    const lang = state.result ? state.result.language : state.lang;
    return q ? `${q.fact}:${q.member || ''}:${lang}:${state.lang}` : `none:${state.lang}`;
  }

  function renderInterview({ force = false } = {}) {
    const root = $('one-mode');
    if (state.mode !== 'one') return;
    if (!state.result && !state.error) {
      root.replaceChildren(el('p', { class: 'hint', text: t('interviewWaiting') }));
      return;
    }
    const q = currentQuestion();
    const key = questionKey(q);
    const wasAwaiting = state.awaitingQuestion;
    if (!force && key === state.shownQuestion && root.firstChild) {
      updateProgress();
      if (wasAwaiting) {
        state.awaitingQuestion = false;
        setInterviewButtonsDisabled(false);
      }
      return;
    }
    const sameQuestion = q && state.shownFact === `${q.fact}:${q.member || ''}` && !wasAwaiting;
    state.shownQuestion = key;
    state.shownFact = q ? `${q.fact}:${q.member || ''}` : null;
    state.awaitingQuestion = false;
    const card = el('div', { class: 'question-card' });
    const progress = el('p', { class: 'progress', id: 'interview-progress' });
    card.append(progress);
    if (!q) {
      card.append(el('p', { class: 'interview-done', tabindex: '-1', id: 'interview-done', text: t('interviewDone') }));
      const backButton = el('button', { type: 'button', id: 'q-back', text: t('back'), disabled: state.history.length === 0 });
      backButton.addEventListener('click', goBack);
      card.append(el('div', { class: 'toolbar' }, backButton));
      root.replaceChildren(card);
      updateProgress();
      if (wasAwaiting) $('interview-done').focus();
      return;
    }
    const fact = factOf(q.fact);
    const hints = [];
    if (q.decides && q.decides.length) hints.push(t('decides')(q.decides.length));
    if (q.sensitivity === 2) hints.push(t('sensitivity2'));
    if (q.sensitivity >= 3) hints.push(t('sensitivity3'));
    let current = getFact(q.fact);
    if (q.member) current = undefined;
    if (current === 'unknown') current = undefined;
    if (sameQuestion) current = state.draft; // re-rendered in another language: keep the draft
    state.draft = current;
    const field = buildField(fact, {
      mode: 'one',
      member: q.member,
      question: q.member ? t('memberQuestion')(valueLabel(fact, q.member)) : q.question,
      value: current,
      hints,
      onChange: (v) => {
        state.draft = v;
        $('q-missing').hidden = true;
      },
    });
    field.dataset.member = q.member || '';
    field.classList.add('current-question');
    card.dataset.question = q.fact;
    card.dataset.member = q.member || '';
    card.append(field);
    const missing = el('p', { class: 'field-error', id: 'q-missing', role: 'alert', hidden: true, text: t('chooseAnswer') });
    const next = el('button', { type: 'button', class: 'primary', id: 'q-next', text: t('next') });
    const dontKnow = el('button', { type: 'button', id: 'q-unknown', text: t('dontKnow') });
    const back = el('button', { type: 'button', id: 'q-back', text: t('back'), disabled: state.history.length === 0 });
    next.addEventListener('click', () => answerCurrent(q, false));
    dontKnow.addEventListener('click', () => answerCurrent(q, true));
    back.addEventListener('click', goBack);
    card.append(missing, el('div', { class: 'toolbar question-actions' }, next, dontKnow, back));
    // Enter in a number or date field answers, as in a form.
    field.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && e.target.matches('input[type="number"], input[type="date"]')) {
        e.preventDefault();
        answerCurrent(q, false);
      }
    });
    root.replaceChildren(card);
    updateProgress();
    if (wasAwaiting && field.legend) field.legend.focus();
  }

  function setInterviewButtonsDisabled(disabled) {
    for (const id of ['q-next', 'q-unknown', 'q-back']) {
      const b = $(id);
      if (b) b.disabled = disabled || (id === 'q-back' && state.history.length === 0);
    }
  }

  function updateProgress() {
    const p = $('interview-progress');
    if (p) p.textContent = t('answered')(answeredFacts().length);
  }

  function answerCurrent(q, dontKnow) {
    if (state.awaitingQuestion) return;
    const before = clone(getFact(q.fact));
    let skippedKey = null;
    if (q.member) {
      if (dontKnow) {
        skippedKey = `${q.fact}:${q.member}`;
        state.skipped.add(skippedKey);
      } else {
        if (state.draft !== true && state.draft !== false) return showMissingAnswer();
        const acts = Array.isArray(before) ? clone(before) : [];
        const kept = [];
        for (const item of acts) {
          if (item.type !== q.member) kept.push(item);
          else if (state.draft) {
            delete item.certain;
            kept.push(item);
          }
        }
        setFact(q.fact, kept);
      }
    } else if (dontKnow) {
      setFact(q.fact, 'unknown');
    } else {
      if (state.draft === undefined) return showMissingAnswer();
      setFact(q.fact, state.draft);
    }
    state.history.push({ fact: q.fact, member: q.member || null, before, skippedKey });
    state.pinned = null;
    state.awaitingQuestion = true;
    setInterviewButtonsDisabled(true);
    caseChanged({ immediate: true });
    if (state.mode === 'all') renderAllMode();
  }

  function showMissingAnswer() {
    const m = $('q-missing');
    m.hidden = false;
    const card = document.querySelector('#one-mode .current-question');
    if (card && card.focusTarget) card.focusTarget().focus();
  }

  function goBack() {
    const last = state.history.pop();
    if (!last) return;
    setFact(last.fact, last.before);
    if (last.skippedKey) state.skipped.delete(last.skippedKey);
    state.pinned = { fact: last.fact, member: last.member };
    state.awaitingQuestion = true;
    setInterviewButtonsDisabled(true);
    caseChanged({ immediate: true });
  }

  // ----------------------------------------------------------------------------------------
  // Findings
  // ----------------------------------------------------------------------------------------
  const findingNodes = new Map(); // key -> element, reused while unchanged

  function findingKey(f) {
    return [state.lang, f.rule, f.status, f.heading, f.version && f.version.id, f.certainty, (f.missing || []).join(','),
      f.penalty ? f.penalty.summary : '', f.title].join('|');
  }

  function articleText(f) {
    if (!f.article || f.article === '-') return '';
    return f.citation || `art. ${f.article} ${f.instrument}`;
  }

  function buildFinding(f) {
    const item = el('li', { class: `finding status-${f.status} kind-${f.kind}`, dataset: { rule: f.rule, status: f.status, kind: f.kind } });
    const article = articleText(f);
    // The engine's heading, where it says more than the group's "applies" / "possible": a
    // contested or unverified reading, a definition met, a duty of the Member State.
    const plain = (f.certainty === 'settled' || f.certainty === 'likely') && (f.kind !== 'definition' && f.kind !== 'state_duty');
    item.append(el('p', { class: 'finding-title' },
      plain ? null : el('span', { class: `badge heading certainty-${f.certainty}`, text: f.heading }),
      plain ? null : ' ',
      article ? el('span', { class: 'article', text: article }) : null,
      article ? ' ' : null,
      el('span', { class: 'title', text: f.title })));
    const words = t('certaintyWords');
    const meta = el('p', { class: 'finding-meta' },
      el('span', { class: `badge certainty certainty-${f.certainty}`, text: `${colon(t('certainty'))} ${words[f.certainty] || f.certainty}` }),
      ' ',
      el('span', { class: 'version' }, `${t('version')} `, el('code', { text: f.version ? f.version.id : '' })),
      f.jurisdiction === 'EU' ? el('span', { class: 'badge eu', text: 'EU' }) : null);
    item.append(meta);
    if (f.penalty && f.penalty.summary) {
      item.append(el('p', { class: 'penalty' }, el('span', { class: 'label', text: `${colon(t('penalty'))} ` }), f.penalty.summary));
    }
    if (f.status === 'possible' && f.missing && f.missing.length) {
      const p = el('p', { class: 'missing' }, el('span', { class: 'label', text: `${t('decidedBy')} ` }));
      f.missing.forEach((name, i) => {
        const fact = factOf(name);
        const label = fact ? fact.label[state.lang] : name;
        const button = el('button', { type: 'button', class: 'link-button fact-link', dataset: { goto: name }, text: label });
        button.setAttribute('aria-label', t('askNow')(label));
        button.addEventListener('click', () => gotoFact(name));
        if (i > 0) p.append(', ');
        p.append(button);
      });
      item.append(p);
    }
    if (f.certainty_reason) {
      item.append(el('details', { class: 'reason' }, el('summary', { text: t('why') }), el('p', { text: f.certainty_reason })));
    }
    if (f.sources && f.sources.length) {
      item.append(el('details', { class: 'sources' },
        el('summary', { text: t('sources')(f.sources.length) }),
        el('ul', null, f.sources.map((s) => el('li', null, s.url
          ? el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer', text: s.title || s.url })
          : (s.title || ''))))));
    }
    return item;
  }

  function gotoError(field) {
    const target = field === 'date' ? $('case-date') : field === 'id' ? $('case-ref')
      : field === 'jurisdiction' ? document.querySelector('input[name="jurisdiction"]') : null;
    if (target) {
      target.focus();
      return;
    }
    const node = document.querySelector(`#${state.mode === 'all' ? 'all-mode' : 'one-mode'} [data-fact="${CSS.escape(field)}"]`);
    if (node && node.focusTarget) {
      node.scrollIntoView({ block: 'center' });
      node.focusTarget().focus();
    } else {
      gotoFact(field);
    }
  }

  function gotoFact(name) {
    if (state.mode === 'all') {
      focusField(name);
      return;
    }
    state.pinned = { fact: name, member: null };
    state.awaitingQuestion = true;
    renderInterview({ force: true });
    document.querySelector('#one-mode .question-card').scrollIntoView({ block: 'start' });
  }

  function renderFindingGroup(container, findings, status) {
    // Reuse the node of a finding that did not change, so that the live region announces
    // only what changed.
    const byKind = new Map();
    for (const f of findings) {
      if (!byKind.has(f.kind)) byKind.set(f.kind, []);
      byKind.get(f.kind).push(f);
    }
    const kinds = [...byKind.keys()].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
    const wanted = [];
    for (const kind of kinds) {
      const list = byKind.get(kind);
      const headingKey = `h|${state.lang}|${status}|${kind}`;
      let heading = findingNodes.get(headingKey);
      if (!heading) {
        heading = el('h4', { class: 'kind-heading', text: (t('kinds') || {})[kind] || kind });
        findingNodes.set(headingKey, heading);
      }
      const listKey = `l|${status}|${kind}`;
      let ul = findingNodes.get(listKey);
      if (!ul) {
        ul = el('ul', { class: 'finding-list', dataset: { status, kind } });
        findingNodes.set(listKey, ul);
      }
      const items = list.map((f) => {
        const key = findingKey(f);
        let node = findingNodes.get(key);
        if (!node) {
          node = buildFinding(f);
          findingNodes.set(key, node);
        }
        node.dataset.used = '1';
        return node;
      });
      reconcile(ul, items);
      heading.dataset.used = '1';
      ul.dataset.used = '1';
      wanted.push(heading, ul);
    }
    reconcile(container, wanted);
  }

  function reconcile(parent, children) {
    children.forEach((child, i) => {
      if (parent.children[i] !== child) parent.insertBefore(child, parent.children[i] || null);
    });
    while (parent.children.length > children.length) parent.lastElementChild.remove();
  }

  function renderFindings() {
    const result = state.result;
    $('disclaimer').textContent = result && result.language === state.lang ? result.disclaimer : t('tagline');
    const errorBox = $('findings-error');
    if (state.stale && state.error) {
      const field = state.error.status === 0 ? null : fieldOfPointer(state.error.field);
      const parts = [el('p', { text: state.error.status === 0 ? state.error.message : t('staleFindings') })];
      if (field) {
        parts.push(el('p', null, el('button', { type: 'button', class: 'link-button', text: t('gotoAnswer'), onclick: () => gotoError(field) })));
      }
      errorBox.replaceChildren(...parts);
      errorBox.hidden = false;
    } else {
      errorBox.hidden = true;
    }
    $('findings').classList.toggle('is-stale', !!state.stale);
    if (!result) return;
    for (const node of findingNodes.values()) delete node.dataset.used;
    const applies = result.findings.filter((f) => f.status === 'applies');
    const possible = result.findings.filter((f) => f.status === 'possible');
    // A reading that is not settled is counted apart: its heading says CONTESTED, not "applies".
    const unsettled = applies.filter((f) => f.certainty === 'contested' || f.certainty === 'unverified');
    $('findings-summary').textContent = result.findings.length ? t('summary')(applies.length, possible.length, unsettled.length) : t('noFindings');
    // Which law answered, as every output says it: a copy of the law elsewhere shows here.
    $('law-source').textContent = result.law ? t('lawSource')(result.law.fingerprint) : '';
    $('findings').dataset.applies = String(applies.length);
    $('findings').dataset.possible = String(possible.length);

    const appliesRoot = $('findings-applies');
    let appliesHeading = appliesRoot.querySelector('h3');
    if (!appliesHeading) {
      appliesHeading = el('h3', { class: 'status-heading applies' });
      appliesRoot.append(appliesHeading, el('div', { class: 'groups' }));
    }
    appliesHeading.textContent = t('appliesHeading')(applies.length);
    appliesRoot.hidden = applies.length === 0;
    renderFindingGroup(appliesRoot.querySelector('.groups'), applies, 'applies');

    const possibleRoot = $('findings-possible');
    let details = possibleRoot.querySelector('details');
    if (!details) {
      details = el('details', { class: 'possible-details' }, el('summary', null, el('h3', { class: 'status-heading possible' })), el('div', { class: 'groups' }));
      // Open while the list is short, until the user opens or closes it.
      const box = details;
      box.querySelector('summary').addEventListener('click', () => {
        state.possibleChosen = true;
        state.possibleOpen = !box.open; // the click toggles it
      });
      possibleRoot.append(details);
    }
    details.open = state.possibleChosen ? state.possibleOpen : possible.length <= 12;
    details.querySelector('h3').textContent = t('possibleHeading')(possible.length);
    possibleRoot.hidden = possible.length === 0;
    renderFindingGroup(details.querySelector('.groups'), possible, 'possible');

    for (const [key, node] of findingNodes) if (!node.dataset.used) findingNodes.delete(key);

    const gaps = $('version-gaps');
    gaps.replaceChildren(...(result.version_gaps || []).map((g) => el('p', { class: 'notice' },
      t('versionGap')(g.instrument, g.jurisdiction, formatDate(g.date)))));
    updateDecidesBadges();
  }

  // ----------------------------------------------------------------------------------------
  // Case section: jurisdiction, date, reference, mode
  // ----------------------------------------------------------------------------------------
  function renderCaseSection() {
    for (const input of document.querySelectorAll('input[name="jurisdiction"]')) input.checked = input.value === state.case.jurisdiction;
    $('case-date').value = state.case.date || '';
    $('case-date').max = today();
    $('case-ref').value = state.case.id || '';
    $('case-ref').placeholder = defaultId();
    for (const input of document.querySelectorAll('input[name="mode"]')) input.checked = input.value === state.mode;
    $('one-mode').hidden = state.mode !== 'one';
    $('all-mode').hidden = state.mode !== 'all';
  }

  function bindCaseSection() {
    for (const input of document.querySelectorAll('input[name="jurisdiction"]')) {
      input.addEventListener('change', () => {
        if (!input.checked) return;
        state.case.jurisdiction = input.value;
        caseChanged();
      });
    }
    const date = $('case-date');
    const onDate = () => {
      state.case.date = date.value;
      $('case-ref').placeholder = defaultId();
      caseChanged();
    };
    date.addEventListener('change', onDate);
    date.addEventListener('input', onDate);
    $('case-ref').addEventListener('input', () => {
      state.case.id = $('case-ref').value.trim();
      caseChanged();
    });
    for (const input of document.querySelectorAll('input[name="mode"]')) {
      input.addEventListener('change', () => {
        if (!input.checked) return;
        state.mode = input.value;
        state.pinned = null;
        renderCaseSection();
        if (state.mode === 'all') renderAllMode();
        else renderInterview({ force: true });
      });
    }
  }

  // ----------------------------------------------------------------------------------------
  // Files: download (client-side), upload (through /api/case), new case, example
  // ----------------------------------------------------------------------------------------
  function downloadBlob(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el('a', { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  }

  function setStatus(id, parts, isError = false) {
    const node = $(id);
    node.replaceChildren(...(Array.isArray(parts) ? parts : [parts]));
    node.classList.toggle('is-error', isError);
  }

  async function downloadCase(format) {
    const name = `${fileBase()}.${format}`;
    try {
      if (format === 'json') {
        downloadBlob(name, 'application/json', `${JSON.stringify(caseForApi(), null, 2)}\n`);
      } else {
        const answer = await api('/api/case', { case: caseForApi() });
        downloadBlob(name, 'application/yaml', answer.yaml);
      }
      state.dirty = false;
      setStatus('upload-status', t('downloaded')(name));
    } catch (e) {
      setStatus('upload-status', [el('span', { text: `${t('caseNotAccepted')} ` }), ...errorContent(e)], true);
    }
  }

  function confirmDiscard() {
    return !(state.dirty && hasAnswers()) || window.confirm(t('confirmDiscard'));
  }

  async function loadCase(caseValue, fileName) {
    const answer = await api('/api/case', { case: caseValue });
    state.case = answer.case;
    if (!state.case.jurisdiction) state.case.jurisdiction = 'BE';
    resetSession();
    state.dirty = false;
    renderCaseSection();
    if (state.mode === 'all') renderAllMode();
    caseChanged({ immediate: true, record: false });
    state.awaitingQuestion = false;
    renderInterview({ force: true });
    setStatus('upload-status', t('opened')(fileName));
  }

  function resetSession() {
    state.history = [];
    state.skipped = new Set();
    state.pinned = null;
    state.shownQuestion = null;
  }

  function bindFiles() {
    $('download-json').addEventListener('click', () => downloadCase('json'));
    $('download-yaml').addEventListener('click', () => downloadCase('yaml'));
    const upload = $('upload');
    upload.addEventListener('change', async () => {
      const file = upload.files && upload.files[0];
      if (!file) return;
      if (!confirmDiscard()) {
        upload.value = '';
        return;
      }
      try {
        const text = await file.text();
        await loadCase(text, file.name);
      } catch (e) {
        setStatus('upload-status', [el('span', { text: `${t('fileNotAccepted')(file.name)} ` }), ...errorContent(e)], true);
      }
      upload.value = '';
    });
    $('new-case').addEventListener('click', () => {
      if (!confirmDiscard()) return;
      state.case = newCase();
      resetSession();
      state.dirty = false;
      renderCaseSection();
      renderAllMode();
      caseChanged({ immediate: true, record: false });
      renderInterview({ force: true });
      setStatus('upload-status', '');
      $('case-date').focus();
    });
    $('load-example').addEventListener('click', async (e) => {
      e.preventDefault();
      if (!confirmDiscard()) return;
      try {
        await loadCase(SAMPLE_CASE, 'demo-be-ex-partner-undress');
        $('questions-heading').scrollIntoView({ block: 'start' });
      } catch (err) {
        setStatus('upload-status', errorContent(err), true);
      }
    });
    window.addEventListener('beforeunload', (e) => {
      if (state.dirty && hasAnswers()) {
        e.preventDefault();
        e.returnValue = '';
      }
    });
  }

  // ----------------------------------------------------------------------------------------
  // Report: rendered by the API, shown from a Blob URL in a frame, printed from there
  // ----------------------------------------------------------------------------------------
  async function showReport() {
    const stamp = `${state.caseStamp}|${state.lang}`;
    const frame = $('report-frame');
    frame.title = t('reportTitle');
    if (state.report.stamp === stamp && state.report.url) return;
    setStatus('report-status', t('reportLoading'));
    $('print-report').disabled = true;
    try {
      const html = await api('/api/report', { case: caseForApi(), lang: state.lang, format: 'html' }, { text: true });
      if (state.report.url) URL.revokeObjectURL(state.report.url);
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      state.report = { url, stamp };
      await new Promise((resolve) => {
        frame.addEventListener('load', resolve, { once: true });
        frame.src = url;
      });
      $('report-tab').href = url;
      $('print-report').disabled = false;
      setStatus('report-status', t('reportReady'));
      $('view-report').dataset.ready = stamp;
    } catch (e) {
      setStatus('report-status', [el('span', { text: `${t('caseNotAccepted')} ` }), ...errorContent(e)], true);
    }
  }

  function bindReport() {
    $('print-report').addEventListener('click', () => {
      const w = $('report-frame').contentWindow;
      if (w) {
        w.focus();
        w.print();
      }
    });
    $('download-markdown').addEventListener('click', async () => {
      try {
        const md = await api('/api/report', { case: caseForApi(), lang: state.lang, format: 'markdown' }, { text: true });
        downloadBlob(`${fileBase()}.${state.lang}.md`, 'text/markdown', md);
        setStatus('report-status', t('downloaded')(`${fileBase()}.${state.lang}.md`));
      } catch (e) {
        setStatus('report-status', errorContent(e), true);
      }
    });
  }

  // ----------------------------------------------------------------------------------------
  // Policy analysis: gaps and diffs
  // ----------------------------------------------------------------------------------------
  function policyValues() {
    const form = $('policy-form');
    return {
      jurisdiction: form.querySelector('input[name="p-jurisdiction"]:checked').value,
      kind: form.querySelector('input[name="p-kind"]:checked').value,
      date: $('p-date').value,
      from: $('p-from').value,
      to: $('p-to').value,
      with: $('p-with').value,
    };
  }

  function proposalsFor(jurisdiction) {
    return state.rulesets.filter((v) => v.status === 'proposed' && (v.jurisdiction === jurisdiction || v.jurisdiction === 'EU'));
  }

  function renderPolicyForm() {
    const v = policyValues();
    $('p-date-field').hidden = v.kind === 'dates';
    $('p-from-field').hidden = v.kind !== 'dates';
    $('p-to-field').hidden = v.kind !== 'dates';
    $('p-with-field').hidden = v.kind === 'dates' || v.kind === 'vs';
    const select = $('p-with');
    const chosen = select.value;
    const options = [el('option', { value: '', text: t('proposalNone') })];
    for (const p of proposalsFor(v.jurisdiction)) {
      options.push(el('option', { value: p.id, text: `${p.title[state.lang]} (${p.id})` }));
    }
    select.replaceChildren(...options);
    if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
    const proposal = state.rulesets.find((r) => r.id === select.value);
    $('p-with-hint').textContent = proposal ? t('proposalHint')(formatDate(proposal.in_force_from)) : '';
  }

  function bindPolicy() {
    const form = $('policy-form');
    form.addEventListener('change', (e) => {
      if (e.target.name === 'p-jurisdiction' || e.target.name === 'p-kind' || e.target.id === 'p-with') renderPolicyForm();
    });
    $('p-date').value = today();
    $('p-from').value = '';
    $('p-to').value = today();
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      runPolicy();
    });
  }

  function policyFieldError(id, message) {
    const node = $(`${id}-error`);
    node.textContent = message;
    node.hidden = !message;
    const input = $(id);
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  async function runPolicy() {
    const v = policyValues();
    for (const id of ['p-date', 'p-from', 'p-to', 'p-with']) policyFieldError(id, '');
    $('policy-error').hidden = true;
    let path = '/api/gaps';
    const body = { jurisdiction: v.jurisdiction, lang: state.lang };
    let date = v.date || today();
    const proposal = state.rulesets.find((r) => r.id === v.with);
    if ((v.kind === 'gaps' || v.kind === 'with') && proposal && proposal.in_force_from > date) date = proposal.in_force_from;
    if (v.kind === 'gaps') {
      body.date = date;
      if (v.with) body.with = [v.with];
    } else if (v.kind === 'dates') {
      if (!v.from || !v.to) {
        policyFieldError(v.from ? 'p-to' : 'p-from', t('datesRequired'));
        $(v.from ? 'p-to' : 'p-from').focus();
        return;
      }
      path = '/api/diff';
      Object.assign(body, { from: v.from, to: v.to });
    } else if (v.kind === 'vs') {
      path = '/api/diff';
      const other = v.jurisdiction === 'BE' ? 'NL' : 'BE';
      Object.assign(body, { vs: other, date });
    } else {
      if (!v.with) {
        policyFieldError('p-with', t('proposalRequired'));
        $('p-with').focus();
        return;
      }
      path = '/api/diff';
      Object.assign(body, { with: [v.with], date });
    }
    const run = $('p-run');
    const results = $('policy-results');
    run.disabled = true;
    results.setAttribute('aria-busy', 'true');
    $('p-busy').replaceChildren(el('span', { class: 'spinner', 'aria-hidden': 'true' }), ' ', t('busy'));
    $('view-policy').dataset.state = 'busy';
    try {
      const data = await api(path, body);
      state.lastPolicy = { kind: v.kind, data, body: clone(body), path, values: v, date };
      renderPolicyResult();
      $('view-policy').dataset.state = 'done';
      $('policy-results-heading').focus({ preventScroll: true });
      $('policy-results').scrollIntoView({ block: 'start' });
    } catch (e) {
      const field = e.field === '/date' ? 'p-date' : e.field === '/from' ? 'p-from' : e.field === '/to' ? 'p-to' : e.field === '/with' ? 'p-with' : null;
      if (field) policyFieldError(field, `${e.message}${e.help.length ? ` (${e.help.join('; ')})` : ''}`);
      const box = $('policy-error');
      box.replaceChildren(...errorContent(e));
      box.hidden = false;
      $('view-policy').dataset.state = 'error';
    } finally {
      run.disabled = false;
      results.setAttribute('aria-busy', 'false');
      $('p-busy').textContent = '';
    }
  }

  // A sweep's result names harms in the language it was asked in: ask again in the new one.
  async function refreshPolicyLanguage() {
    const last = state.lastPolicy;
    if (!last) return;
    renderPolicyResult();
    try {
      const data = await api(last.path, { ...last.body, lang: state.lang });
      if (state.lastPolicy !== last) return;
      last.data = data;
      last.body.lang = state.lang;
      renderPolicyResult();
    } catch (_) { /* keep the result in the language it has */ }
  }

  // The two states of the law a diff compares, in the page's language.
  function policySides(last) {
    const law = (j) => t('lawOf')[j] || j;
    const v = last.values;
    if (last.kind === 'dates') return [t('sideDate')(law(v.jurisdiction), formatDate(v.from)), t('sideDate')(law(v.jurisdiction), formatDate(v.to))];
    const left = t('sideDate')(law(v.jurisdiction), formatDate(last.date));
    if (last.kind === 'vs') return [left, t('sideDate')(law(v.jurisdiction === 'BE' ? 'NL' : 'BE'), formatDate(last.date))];
    const proposal = state.rulesets.find((r) => r.id === v.with);
    return [left, t('sideWith')(law(v.jurisdiction), formatDate(last.date), proposal ? quote(proposal.title[state.lang]) : v.with)];
  }

  // The sweep's constraints are English phrases over the fact's values ("is true",
  // "has share", "is one of a, b", "at least 18"); they are shown with the fact's label and
  // the values' labels in the page's language.
  function describeConstraint(c) {
    const fact = factOf(c.fact);
    const words = t('c');
    const label = fact ? fact.label[state.lang] : c.fact;
    const text = c.constraint;
    const values = (list) => list.split(', ').map((v) => (fact ? valueLabel(fact, v) : v));
    const join = (list) => list.join(` ${words.or} `);
    let value = text;
    let m;
    if (text === 'is true') value = words.yes;
    else if (text === 'is false') value = words.no;
    else if ((m = /^has not (.+)$/.exec(text))) value = words.not(values(m[1])[0]);
    else if ((m = /^has (.+)$/.exec(text))) value = values(m[1])[0];
    else if ((m = /^is one of (.+)$/.exec(text))) value = join(values(m[1]));
    else if ((m = /^is not (.+)$/.exec(text))) {
      // "is not a, b": the values left, when they are few, read better than a negation.
      const excluded = m[1].split(', ');
      const left = fact && fact.values ? fact.values.map((v) => v.value).filter((v) => !excluded.includes(v)) : [];
      value = left.length && left.length <= 3 ? join(left.map((v) => valueLabel(fact, v))) : words.other(join(values(m[1])));
    }
    else if ((m = /^is (.+)$/.exec(text))) value = values(m[1])[0];
    else if (fact && (fact.type === 'int' || fact.type === 'date')) {
      const show = (x) => (fact.type === 'date' ? formatDate(x) : x);
      value = text.split(' or ').map((piece) => {
        let p;
        if ((p = /^at least (.+)$/.exec(piece))) return words.atLeast(show(p[1]));
        if ((p = /^under (.+)$/.exec(piece))) return words.under(show(p[1]));
        if ((p = /^(.+) to (.+)$/.exec(piece))) return words.range(show(p[1]), show(p[2]));
        return show(piece);
      }).join(` ${words.or} `);
    }
    return { label, value };
  }

  function renderPatterns(patterns, prefix) {
    const shown = 3;
    const item = (p, i) => el('li', { class: 'pattern' },
      el('p', { class: 'pattern-count', text: t('pattern')(i + 1, formatNumber(p.scenarios)) }),
      el('ul', { class: 'constraints' }, p.constraints.map((c) => {
        const d = describeConstraint(c);
        return el('li', { dataset: { fact: c.fact } }, el('span', { class: 'c-fact', text: d.label }), el('span', { class: 'c-value', text: d.value }));
      })),
      p.example ? el('details', { class: 'example' },
        el('summary', { text: t('example') }),
        el('pre', { text: p.example, tabindex: '0', 'aria-label': t('example') }), // scrolls: reachable by keyboard
        el('button', { type: 'button', text: t('openExample'), onclick: () => openExample(p.example) })) : null);
    const list = el('ol', { class: 'patterns' }, patterns.slice(0, shown).map(item));
    const parts = [list];
    if (patterns.length > shown) {
      parts.push(el('details', { class: 'more-patterns' },
        el('summary', { text: t('showAllPatterns')(patterns.length - shown) }),
        el('ol', { class: 'patterns', start: String(shown + 1) }, patterns.slice(shown).map((p, i) => item(p, i + shown)))));
    }
    return el('div', { class: `pattern-block patterns-${prefix}` }, parts);
  }

  async function openExample(yaml) {
    if (!confirmDiscard()) return;
    try {
      await loadCase(yaml, t('example'));
      location.hash = '#intake';
    } catch (e) {
      const box = $('policy-error');
      box.replaceChildren(...errorContent(e));
      box.hidden = false;
    }
  }

  function percent(part, whole) {
    if (!whole) return '0 %';
    return new Intl.NumberFormat(LOCALES[state.lang], { style: 'percent', maximumFractionDigits: 1 }).format(part / whole);
  }

  function renderPolicyResult() {
    const out = $('policy-output');
    const last = state.lastPolicy;
    if (!last) return;
    const d = last.data;
    const parts = [];
    if (last.path === '/api/gaps') {
      parts.push(el('h3', { text: t('gapsTitle')(d.jurisdiction, formatDate(d.date)) }));
      parts.push(el('p', { class: 'hint' }, el('strong', { text: `${t('lawSwept')} ` }), (d.versions || []).concat(d.with || []).join(', ')));
      parts.push(el('p', { class: 'hint', text: t('space')(formatNumber(d.space), (d.facts || []).length) }));
      for (const h of d.harms) {
        const section = el('section', { class: `harm kind-${h.kind}`, dataset: { harm: h.harm } });
        section.append(el('h4', null, el('span', { class: `badge harm-kind kind-${h.kind}`, text: (t('harmKind') || {})[h.kind] || h.kind }), ' ', h.label));
        section.append(el('p', { class: 'harm-numbers' }, h.gap_scenarios > 0
          ? t('gapLine')(formatNumber(h.gap_scenarios), formatNumber(h.harm_scenarios), percent(h.gap_scenarios, h.harm_scenarios))
          : t('noGap')));
        if (h.patterns.length) {
          section.append(el('h5', { text: t('notCovered') }), renderPatterns(h.patterns, 'gap'));
        }
        if (h.uncertain_scenarios > 0) {
          section.append(el('p', { class: 'harm-numbers uncertain', text: t('uncertainLine')(formatNumber(h.uncertain_scenarios)) }));
          if (h.uncertain_patterns.length) section.append(el('h5', { text: t('uncertainOnly') }), renderPatterns(h.uncertain_patterns, 'uncertain'));
        }
        parts.push(section);
      }
    } else {
      const [l, r] = policySides(last);
      // Headings of changes name the sides briefly when the long names are long.
      const [sl, sr] = last.kind === 'with' ? t('shortSides') : [l, r];
      parts.push(el('h3', { text: t('diffTitle')(l, r) }));
      parts.push(el('p', { class: 'hint', text: t('space')(formatNumber(d.space), (d.facts || []).length) }));
      if (!d.changes.length) parts.push(el('p', { class: 'notice', text: t('noChanges') }));
      const words = t('changes');
      for (const c of d.changes) {
        let title = c.change;
        let detail = '';
        if (c.change.startsWith('covered only on the left')) title = words.left(sl, sr);
        else if (c.change.startsWith('covered only on the right')) title = words.right(sl, sr);
        else if (c.change.startsWith('penalty changed')) {
          title = words.penalty;
          detail = c.change.replace(/^penalty changed \((.*)\)$/, '$1');
        } else if (c.change.startsWith('offence removed')) title = words.removed(sl, sr);
        else if (c.change.startsWith('no longer covered')) title = words.successor;
        else if (c.change.startsWith('newly covered')) title = words.newly;
        else if (c.change.startsWith('offence added')) title = words.added;
        const section = el('section', { class: 'change', dataset: { rule: c.rule || '' } });
        section.append(el('h4', null, title, c.rule ? el('span', { class: 'rule-id' }, ' — ', c.article ? `art. ${c.article} ` : '', el('code', { text: c.rule })) : null));
        if (detail) section.append(el('p', { class: 'hint', lang: 'en', text: detail }));
        section.append(el('p', { class: 'harm-numbers', text: t('changeScenarios')(formatNumber(c.scenarios)) }));
        if (c.patterns.length) section.append(renderPatterns(c.patterns, 'change'));
        parts.push(section);
      }
    }
    out.replaceChildren(...parts);
  }

  // ----------------------------------------------------------------------------------------
  // Views, language, and the page's own texts
  // ----------------------------------------------------------------------------------------
  function showView(view, { focus = true } = {}) {
    if (!['intake', 'report', 'policy'].includes(view)) view = 'intake';
    state.view = view;
    for (const node of document.querySelectorAll('.view')) node.hidden = node.dataset.view !== view;
    for (const a of document.querySelectorAll('#views a')) {
      if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    if (view === 'report') showReport();
    if (focus) {
      const heading = view === 'intake' ? $('intake-title') : view === 'report' ? $('report-heading') : $('policy-heading');
      heading.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
  }

  function renderChrome() {
    document.documentElement.lang = state.lang;
    for (const node of document.querySelectorAll('[data-i18n]')) {
      const value = t(node.dataset.i18n);
      if (typeof value === 'string') node.textContent = value;
    }
    for (const node of document.querySelectorAll('[data-i18n-aria]')) node.setAttribute('aria-label', t(node.dataset.i18nAria));
    for (const button of document.querySelectorAll('.lang-button')) {
      button.setAttribute('aria-pressed', button.dataset.lang === state.lang ? 'true' : 'false');
    }
    document.title = `${t('appTitle')} — ibsa`;
    $('help-body').replaceChildren(...t('helpBody').map((p) => el('p', { text: p })));
    $('report-frame').title = t('reportTitle');
  }

  function setLanguage(lang) {
    if (!(lang in I18N) || lang === state.lang) return;
    state.lang = lang;
    renderChrome();
    renderCaseSection();
    renderAllMode();
    findingNodes.clear();
    $('findings-applies').replaceChildren();
    $('findings-possible').replaceChildren();
    renderFindings();
    state.shownQuestion = null;
    renderInterview({ force: true });
    renderPolicyForm();
    refreshPolicyLanguage();
    // Findings, questions and the report are re-fetched in the new language.
    caseChanged({ immediate: true, record: false });
    if (state.view === 'report') showReport();
  }

  async function init() {
    renderChrome();
    bindCaseSection();
    bindFiles();
    bindReport();
    bindPolicy();
    for (const button of document.querySelectorAll('.lang-button')) {
      button.addEventListener('click', () => setLanguage(button.dataset.lang));
    }
    window.addEventListener('hashchange', () => showView(location.hash.slice(1)));
    // In the report view, the browser's own print command prints the report itself.
    window.addEventListener('keydown', (e) => {
      if (state.view === 'report' && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'p' && !$('print-report').disabled) {
        e.preventDefault();
        $('print-report').click();
      }
    });
    window.addEventListener('beforeprint', () => {
      for (const d of document.querySelectorAll('#findings details')) {
        if (!d.open) {
          d.dataset.printOpened = '1';
          d.open = true;
        }
      }
    });
    window.addEventListener('afterprint', () => {
      for (const d of document.querySelectorAll('#findings details[data-print-opened]')) {
        d.open = false;
        delete d.dataset.printOpened;
      }
    });
    renderCaseSection();
    showView(location.hash.slice(1) || 'intake', { focus: false });
    try {
      const [facts, rulesets] = await Promise.all([api('/api/facts'), api('/api/rulesets')]);
      state.facts = facts.facts;
      state.factByName = new Map(state.facts.map((f) => [f.name, f]));
      state.rulesets = rulesets.versions;
    } catch (e) {
      const box = $('load-error');
      box.textContent = `${t('loadError')} ${e.message}`;
      box.hidden = false;
      return;
    }
    renderAllMode();
    renderPolicyForm();
    document.body.dataset.ready = 'true';
    caseChanged({ immediate: true, record: false });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
