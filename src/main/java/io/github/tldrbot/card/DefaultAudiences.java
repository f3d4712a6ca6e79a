package io.github.tldrbot.card;

import io.github.tldrbot.config.AudienceConfig;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audience set that ships when the configuration names none (SPEC §5.3): the tech audiences the
 * bot was made for (developers, researchers, executives, investors, policy, security, creators) and
 * the general newsroom sections readers expect next to them (gaming, science, health, politics).
 * Constant data, kept as one table so it is easy to review and to mirror in the example YAML.
 *
 * <p>Keyword syntax ({@link io.github.tldrbot.config.AudienceKeyword}): {@code "phrase:weight"},
 * comma-separated; weight 1 when omitted. Phrases match on word boundaries, case-insensitively,
 * and plurals fold ({@code apis} matches {@code api}), so only singulars are listed; a phrase beats
 * the words inside it ({@code video game} is Gaming, and its {@code video} is not Creators');
 * {@code word*} is a prefix (Russian cases, German compounds); {@code word?} counts only when
 * another keyword of the same audience matched too (a word with several senses: {@code library?}
 * needs api, python, version… to mean software). Weights: 3 = unambiguous signal (cve, ipo, gdpr),
 * 2 = strong, 1 = supporting, below 1 = weak. Words that belong to several audiences (benchmark,
 * acquisition, revenue) carry a lower weight in the secondary audience.
 *
 * <p>Each audience has a column per language: English, German, French, Spanish, Portuguese,
 * Russian. Every column applies to every article (the language detector cannot tell short texts),
 * so non-English keywords are chosen not to be English words ({@code action}, {@code patron} are
 * left out of French), and a word two languages share is written once.
 */
public final class DefaultAudiences {

    private DefaultAudiences() {
    }

    /** Languages of the keyword columns, in table order after the colour. */
    static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "pt", "ru");

    // id, label, description, colour, then keywords: en, de, fr, es, pt, ru
    private static final Object[][] TABLE = {
        {"developers", "Developers & AI Engineers",
            "People who build software and AI systems: APIs, SDKs, open-source releases, tools and models to run.",
            0x3498DB,
            "api:2, sdk:2.5, open source:1.5, github:2, gitlab:2, release note:2, changelog:2.5, library?:1.5,"
            + " framework?:1.5, python:2, javascript:2, typescript:2, rust?:1.5, java?:1.5, golang:2, kubernetes:2,"
            + " docker:2, model weight:2, fine tuning:2, inference?:1, developer:2, programming:2, coding:2, compiler:2,"
            + " ide?:1.5, vs code:2, copilot:1.5, cli:2, plugin?:1, npm:2, pypi:2, llm:1, agent?:0.8, rag?:1.5,"
            + " embedding?:1.5, vector database:2, context window:1, breaking change:2.5, deprecated:1.5, beta?:1,"
            + " runtime:1.5, hugging face:1.5, pytorch:2, tensorflow:2, cuda:2, repository:1.5, pull request:2,"
            + " devops:2, benchmark?:0.5, engineer?:1.5, source code:2.5, software:1, code?:1, package?:1, version?:0.5,"
            + " release?:0.5, linux:1.5, kernel?:1.5, database:1.5, sql:2, postgresql:2, mysql:2, backend:2, frontend:2,"
            + " css:2, php:2, node js:2, git:2, command line:2, debugging:2, webassembly:2, xcode:2, android?:1, ios?:1,"
            + " cloud?:0.8, aws:1.5, server?:0.8, algorithm?:1, app developer:2, refactor*:2, parser:2, namespace:2,"
            + " variable?:1, function?:0.8, array?:1, compile?:1, bug fix:2, bugfix:2, unit test:2.5, test suite:2,"
            + " regression?:1, memory leak:2.5, null pointer:2.5, stack trace:2.5, version control:2.5, ubuntu:2,"
            + " debian:2, gnome?:1.5, kde:2, mozilla:1.5, w3c:2, html:1.5, xml:1.5, json:2, jvm:2.5, openjdk:3, jdk:2.5,"
            + " maven?:1.5, gradle:2.5, netbeans:2.5, eclipse?:1, visual studio:2, jetbrains:2.5, stack overflow:2,"
            + " scripting?:1, web developer:2, web standard:2",
            "programmier*:2, softwareentwickl*:2.5, entwickler?:1.5, quellcode:2.5, quelltext:2.5, quelloffen*:2,"
            + " datenbank*:1.5, betriebssystem*:1, bibliothek?:1, schnittstelle*?:1.5, sprachmodell*:1,"
            + " entwicklungsumgebung*:2",
            "développeu*:2, programmation:2, programmeu*:2, logiciel*?:1, logiciel libre:2, code source:2.5,"
            + " bibliothèque?:1, base de données:1.5, système d exploitation:1, modèle de langage:1,"
            + " interface de programmation:2",
            "desarrollador*:2, programación:2, programador*:2, código fuente:2.5, código abierto:2, software libre:2,"
            + " biblioteca?:1, base de datos:1.5, sistema operativo:1, modelo de lenguaje:1, desarrollo de software:2.5",
            "desenvolvedor*:2, programação:2, código aberto:2, código fonte:2.5, software livre:2, banco de dados:1.5,"
            + " modelo de linguagem:1, desenvolvimento de software:2.5",
            "разработчик*:2, программист*:2, программирован*:2, программн* обеспечени*:1.5, исходн* код*:2.5,"
            + " библиотек*?:1, фреймворк*:2, база данных:1.5, базы данных:1.5, базе данных:1.5, базу данных:1.5,"
            + " операционн* систем*:1, языков* модел*:1, код?:0.5, релиз*?:0.5, сервер*?:1, администратор*?:1,"
            + " линукс*:2, скрипт*:2, компилятор*:2, отладк*:2"},
        {"researchers", "Researchers & Data Scientists",
            "People who follow the science: papers, datasets, benchmarks, methods and results.",
            0x9B59B6,
            "research:1.5, researcher:2, paper?:2, arxiv:3, preprint:2.5, study?:1.5, dataset:2, benchmark:1.5,"
            + " evaluation?:1.5, peer reviewed:2.5, neurips:3, icml:3, iclr:3, cvpr:3, state of the art:1.5, sota:1.5,"
            + " ablation:3, experiment:1.5, hypothesis:1.5, accuracy?:1, transformer?:1.5, architecture?:1,"
            + " training data:1.5, reinforcement learning:2, neural network:1.5, scientist:2, university:1.5,"
            + " laboratory:1.5, phd:1.5, finding?:1.5, data science:2.5, data scientist:2.5, statistical:1.5,"
            + " reproducibility:2, citation?:1.5, journal?:1.5, scaling law:2.5, interpretability:2.5, alignment?:1,"
            + " published?:0.5, machine learning:2, deep learning:2, artificial intelligence:1, academic:1.5,"
            + " professor:1.5",
            "forschung*:1.5, forscher*:2, studie?:1.5, studien:1.5, datensatz:2, datensätze:2, fachzeitschrift*:2,"
            + " universität*:1.5, hochschul*:1.5, doktorand*:2, maschinell* lern*:2, neuronal* netz*:2,"
            + " künstlich* intelligenz:1",
            "recherche?:1, chercheu*:2, étude?:1, université*:1.5, laboratoire*:1.5, doctorant*:2,"
            + " apprentissage automatique:2, réseau de neurones:2, réseaux de neurones:2, jeu de données:2,"
            + " jeux de données:2, intelligence artificielle:1",
            "investigación?:1, investigador*?:1.5, estudio?:1, universidad*:1.5, laboratorio*:1.5, conjunto de datos:2,"
            + " aprendizaje automático:2, red neuronal:2, redes neuronales:2, doctorado:1.5, revista científica:2,"
            + " inteligencia artificial:1",
            "pesquisa*:1.5, estudo?:1, laboratório*:1.5, aprendizado de máquina:2,"
            + " aprendizagem automática:2, rede* neura*:2, conjunto de dados:2, doutorado:1.5, inteligência artificial:1",
            "исследовани*:1.5, исследовател*:2, научн* стать*:2.5, датасет*:2.5, набор* данных:2, университет*:1.5,"
            + " лаборатори*:1.5, машинн* обучени*:2, нейросет*:2, нейронн*:2, диссертаци*:2, эксперимент*:1.5,"
            + " искусственн* интеллект*:1"},
        {"executives", "Founders & Executives",
            "People who run companies and products: strategy, markets, pricing, partnerships and competition.",
            0xE67E22,
            "ceo:2, cto:1.5, founder:2, co founder:2, startup:2, enterprise?:1.5, strategy?:1.5, revenue:1, customer?:1,"
            + " market?:1, market share:2, competition?:1, competitor?:1.5, partnership?:2, acquisition:1.5, acquire:1,"
            + " merger:1.5, pricing:1.5, price?:1, subscription?:1, business:1.5, layoff:2, hiring?:1.5, workforce:1.5,"
            + " board?:1, executive:2, leadership?:1.5, roi:2, productivity?:1, cost?:1, adoption?:1, go to market:2,"
            + " b2b:2, saas:1.5, growth?:1, profit?:1, chief?:1, company?:0.5, manager*:1.5, chief executive:2, brand?:1,"
            + " retail:1.5, retailer:2, marketing:1.5, advertising:1.5, advertiser:2, consumer?:1, ecommerce:2,"
            + " e commerce:2, innovation?:1, career?:1, entrepreneur:2.5, small business:2, supply chain:1.5, sales?:1",
            "unternehmen?:1, geschäftsführ*:2.5, vorstand*:2, konzern*:2, umsatz*:1.5, gewinn?:1, übernahme*:1.5,"
            + " gründer*:2, marktanteil*:2, strategie?:1, stellenabbau:2.5, entlassung*:2, firma?:1, firmen?:1,"
            + " mitarbeiter?:1",
            "entreprise*:1, pdg:2.5, directeur général:2.5, fondateu*:2, fondatrice*:2, chiffre d affaires:2, rachat:1.5,"
            + " stratégie?:1, licenciement*:2, part de marché:2, dirigeant*:1.5",
            "empresa*:1, consejero delegado:2.5, director ejecutivo:2.5, fundador*:2, adquisición:1.5,"
            + " adquisiciones:1.5, fusión?:1, facturación:1.5, beneficio?:1, estrategia?:1, despido*:2,"
            + " cuota de mercado:2, ejecutivo?:1.5",
            "executivo:1.5, executiva:1.5, diretor executivo:2.5, presidente executivo:2.5, aquisição:1.5,"
            + " aquisições:1.5, fusão?:1, faturamento:1.5, lucro?:1, demissões:2, participação de mercado:2",
            "компани*?:0.5, гендиректор*:2.5, генеральн* директор*:2.5, основател*:2, стартап*:2, выручк*:1.5,"
            + " прибыл*?:1, поглощени*:1.5, слияни*:1.5, стратеги*?:1, рынк*?:1, рынок?:1, бизнес*:1.5,"
            + " топ менеджер*:2, сокращени* сотрудник*:2"},
        {"investors", "Investors",
            "People who follow the money: funding rounds, valuations, deals, earnings and public markets.",
            0x2ECC71,
            "funding:2.5, funding round:2, raised?:1.5, series a:3, series b:3, series c:3, series d:3, seed round:3,"
            + " valuation:2.5, valued at:2.5, investor*:2.5, venture capital:3, vc:2, ipo:3, stock?:2, share price:2.5,"
            + " market cap:2.5, earnings:2, quarterly?:1.5, revenue?:1.5, billion?:1, million?:0.5, led by?:1,"
            + " backed?:1.5, backer:2, nasdaq:3, nyse:3, acquisition?:2, deal?:1.5, public offering:3, investment:2,"
            + " invest:1.5, portfolio?:1.5, andreessen horowitz:2, sequoia?:2, softbank:2, unicorn?:2, dividend*:2,"
            + " analyst?:1.5, profit?:1.5, stock market:2.5, shareholder:2.5, wall street:2, economy:1.5, economic:1.5,"
            + " inflation:2, central bank:2.5, interest rate:2.5, gdp:2.5, recession:2.5, bond?:1, currency?:1.5,"
            + " bitcoin:2, crypto:2, cryptocurrency:2.5",
            "finanzierungsrunde*:3, bewertung*?:1.5, börse:2.5, börsen:2.5, börsengang*:3, aktie*:2, aktionär*:2.5,"
            + " risikokapital*:3, wagniskapital*:3, kapitalerhöhung*:2.5, anleger*:2.5, quartalszahl*:2.5,"
            + " milliard*?:1, millionen?:0.5, wirtschaft*:1.5, konjunktur*:2, zentralbank*:2.5, leitzins*:3,"
            + " zinsen?:1.5",
            "investisseu*:2.5, levée de fonds:3, capital risque:3, bourse:2, introduction en bourse:3,"
            + " actionnaire*:2.5, valorisation:2.5, économi*:1.5, croissance?:1, banque centrale:2.5, taux d intérêt:2.5",
            "inversor*:2.5, inversión:1.5, inversiones:1.5, ronda de financiación:3, capital riesgo:3, bolsa?:1.5,"
            + " salida a bolsa:3, accionista*:2.5, valoración:2, cotización:1.5, mil millones?:1, economía:1.5,"
            + " económic*:1.5, inflación:2, banco central:2.5, tipos de interés:2.5",
            "investidor*:2.5, investimento*:1.5, rodada de investimento:3, capital de risco:3, ações?:1, acionista*:2.5,"
            + " avaliad* em:2, cotação:1.5, bilhão?:1, bilhões?:1, economia:1.5, econômic*:1.5, inflação:2, juros:2",
            "инвестор*:2.5, инвестици*:2, раунд*?:1.5, венчурн*:3, бирж*:2, акции?:1, акций?:1, акция?:1, акционер*:2.5,"
            + " капитализаци*:2.5, оценк*?:1, дивиденд*:2, млрд?:1, миллиард*?:1, размещени* акци*:3, экономик*:1.5,"
            + " экономическ*:1.5, инфляци*:2, центробанк*:2.5, ключев* ставк*:3, рубл*?:1"},
        {"policy", "Policy & Legal",
            "People who follow rules and rights: regulation, lawsuits, copyright, privacy and government action.",
            0xF1C40F,
            "regulation:2.5, regulator:2.5, regulatory:2.5, law?:1.5, legislation:2.5, bill?:1, ai act:3, eu:1.5,"
            + " european commission:2.5, european union:2, parliament:2, congress:2, senate:2, government:1.5,"
            + " ministry:1.5, ftc:3, department of justice:2.5, antitrust:3, lawsuit:2.5, court:2, judge?:2, ruling:2,"
            + " copyright:2.5, gdpr:3, privacy:1.5, data protection:2, compliance:2, policy?:1.5, policymaker:2.5,"
            + " ban?:1.5, fined:2, liability?:2, licensing?:1, sanction:2, export control:2.5, executive order:2.5,"
            + " lawmaker:2.5, legal:2, attorney:2, lawyer:2, oversight?:1.5, governance?:1.5, treaty:2,"
            + " obligation?:1.5, watchdog:2.5, competition authority:3, investigation?:1, digital markets act:3,"
            + " precedent?:1.5, supreme court:3, prosecutor:2.5, justice?:1, convicted:2, sentenced:2, prison?:1, jail?:1,"
            + " trial?:1, guilty?:1.5, charged?:1, indictment:2.5, indicted:2.5",
            "gesetz*:2, regulier*:2.5, verordnung*:2, datenschutz*:2.5, dsgvo:3, kartell*:3, gericht*:2, klage?:1.5,"
            + " klagen?:1.5, urteil*:2, richter?:1.5, richterin:2, anwalt:2, anwälte:2, bußgeld*:2.5, strafe?:1,"
            + " urheberrecht*:3, verbot*?:1.5, eu kommission:2.5, bundesnetzagentur:3, verfassung*:2,"
            + " aufsichtsbehörde*:2.5, richtlinie*:2, staatsanwalt*:2.5",
            "loi?:1.5, réglementation*:2.5, régulat*:2.5, tribunal:2, tribunaux:2, juge?:2, procès:2, plainte*:1.5,"
            + " avocat*:2, amende:2, droit d auteur:3, rgpd:3, cnil:3, autorité de la concurrence:3,"
            + " commission européenne:2.5, décret*:2, interdiction*:1.5, condamn*:2, législati*:2.5",
            "ley?:1.5, leyes?:1.5, regulación:2.5, regulador*:2.5, juez:2, jueza:2, juicio:2, demanda?:1, abogad*:2,"
            + " multa*:2, sanción:2, sanciones:2, derechos de autor:3, privacidad:1.5, protección de datos:2,"
            + " comisión europea:2.5, decreto:2, prohibición:1.5, condena*:2, legislación:2.5, fiscalía:2.5",
            "lei?:1.5, regulação:2.5, regulamentação:2.5, juiz:2, juíza:2, processo?:1, advogad*:2, direitos autorais:3,"
            + " privacidade:1.5, proteção de dados:2, lgpd:3, proibição:1.5, legislação:2.5, justiça:1.5,"
            + " sanção:2, sanções:2",
            "закон*:2, регулятор*:2.5, регулировани*:2.5, суд:2, суда?:1, суде:2, судом:2, судебн*:2, иск?:1, иска?:1,"
            + " штраф*:2, авторск* прав*:3, персональн* данн*:2, роскомнадзор*:3, фас:2.5, запрет*:1.5,"
            + " постановлени*:1.5, прокурор*:2, адвокат*:2, юрист*:2, санкци*:2"},
        {"security", "Security Teams",
            "People who defend systems: vulnerabilities, exploits, patches, breaches and threat actors.",
            0xE74C3C,
            "security?:1.5, vulnerability:3, cve:3, exploit?:2.5, exploited?:2.5, patch?:2, patched?:2, breach?:2.5,"
            + " data breach:3, ransomware:3, malware:3, zero day:3, phishing:3, attacker?:2.5, attack?:1.5,"
            + " threat actor:3, threat?:1.5, backdoor:2.5, supply chain attack:3, remote code execution:3, rce:2.5,"
            + " privilege escalation:3, authentication:1.5, mfa:2, encryption:1.5, leak?:1.5, leaked?:1.5,"
            + " compromised?:2.5, hacker*:2.5, hacked:2.5, botnet:3, ddos:3, cisa:3, security advisory:3, advisory?:2,"
            + " incident response:2.5, jailbreak?:2, prompt injection:3, credential:2, cvss:3, spyware:3, firewall:2,"
            + " penetration testing:2.5, bug bounty:2.5, mitigation?:1.5, cybersecurity:3, cyber attack:3,"
            + " cyberattack:3, password:2, infosec:3, security hole:3, security flaw:3, antivirus:2.5, hacking:2.5",
            "sicherheitslück*:3, schwachstelle*:3, sicherheit?:1, angriff*?:1.5, cyberangriff*:3, schadsoftware:3,"
            + " erpress*?:1.5, verschlüssel*:1.5, passwort*:2, passwört*:2, datenleck*:3, sicherheitsupdate*:2.5,"
            + " bsi:2.5, trojaner*:3, lösegeld*:2",
            "cybersécurité:3, cyberattaque*:3, faille*?:2, vulnérabilit*:3, piratage:2.5, pirate*?:1.5,"
            + " rançongiciel*:3, logiciel malveillant:3, fuite de données:3,"
            + " mot de passe:2, anssi:3, sécurité?:1, chiffrement:1.5,"
            + " hameçonnage:3",
            "ciberseguridad:3, ciberataque*:3, vulnerabilidad*:3, brecha*?:1.5, hackeo:2.5, hackead*:2.5,"
            + " secuestro de datos:2, filtración:2, filtraciones:2, contraseña*:2, seguridad?:1, parche*?:1.5,"
            + " cifrado:1.5",
            "cibersegurança:3, vazamento*:2, senha*:2, invasor*?:1.5, segurança?:1,"
            + " criptografia:1.5, golpe*?:1, sequestro de dados:2",
            "уязвим*:3, кибератак*:3, хакер*:2.5, взлом*:2.5, утечк*:2.5, вредонос*:3, вымогател*:2.5,"
            + " шифровальщик*:3, кибербезопасност*:3, информационн* безопасност*:3, безопасност*?:1, фишинг*:3,"
            + " парол*?:1.5, атак*?:1, эксплойт*:3, ботнет*:3, шифровани*:1.5"},
        {"creators", "Creators & Designers",
            "People who make things people see and hear: design, images, video, music, writing and creative tools.",
            0xE91E63,
            "design?:2, designer*:2.5, creator:2.5, artist:2.5, art?:1, image generation:2.5, image generator:2.5,"
            + " video?:1, video generation:2.5, music:2, audio?:1.5, voice?:1, photo?:1.5, photograph*:2,"
            + " illustrat*:2.5, animation:2.5, midjourney:3, stable diffusion:3, dall e:3, sora?:2.5, adobe:2,"
            + " photoshop:2.5, figma:2.5, canva:2.5, creative:2, content creator:3, youtube?:1, youtuber:2.5,"
            + " tiktok?:1.5, instagram?:1.5, podcast?:0.5, podcaster:2.5, podcasting:2, writer?:1.5, writing?:1,"
            + " film*?:1.5, generative art:3, font:1.5, typography:2.5, ux:2, ui?:1, 3d?:1.5, storytelling:2,"
            + " brush?:1.5, musician*:2, cinema:1.5, album:1.5, novel?:1, band?:1, concert:2, song:1.5, singer:2,"
            + " songwriter:2.5, rapper:2, festival?:1, movie:1.5, hollywood:2, box office:2, actor?:1.5, actress:2,"
            + " director?:0.5, documentary:2, novelist:2.5, poet:2, painter:2, painting?:1.5, sculpture:2.5,"
            + " exhibition:2, gallery?:1, television:1.5, tv series:2, tv show:2, sitcom:2.5, premiere?:1.5,"
            + " episode?:0.5, comic?:1.5, cartoon:2",
            "künstler*:2.5, fotograf*:2, musik*:2, kreativ*:2, schriftsteller*:2, grafikdesign*:2.5, kunst?:1,"
            + " gemälde:2, ausstellung*:2, konzert*:2, sänger*:2, lied?:1, lieder?:1, schauspiel*:2,"
            + " regisseur*:2, kinofilm*:2",
            "artiste*:2.5, créateu*:2.5, créatrice*:2.5, graphiste*:2.5, dessin*?:1.5, musique:2, musicien*:2,"
            + " cinéma:1.5, réalisateu*:2, réalisatrice*:2, écrivain*:2, auteur*?:1, chanteu*:2, chanson*:1.5,"
            + " acteu*?:1.5, actrice*:2, roman?:1",
            "artista*:2.5, diseñ*:2, creador*:2.5, fotógraf*:2, música:2, músico*:2, cine?:1.5, película*:1.5,"
            + " escritor*:2, ilustra*:2.5, animación:2, arte?:1, cantante*:2, canción:1.5, canciones:1.5, concierto*:2,"
            + " actriz:2, novela?:1",
            "criador*:2.5, animação:2, cinematográfic*:1.5, cantor*:2, canção:1.5, canções:1.5, show?:0.5,"
            + " atriz:2, ator?:1.5",
            "художник*:2.5, дизайн*:2, фотограф*:2, музык*:2, фильм*:1.5, кино?:1, режиссер*:2, писател*:2,"
            + " иллюстр*:2.5, анимаци*:2, блогер*:2.5, ютуб*:2, подкаст*?:1, творческ*:1.5, искусство:1, искусства:1,"
            + " певец:2, певица:2, певицы:2, песн*:1.5, концерт*:2, актер*:1.5, актрис*:2, альбом*:1.5, сериал*:1.5"},
        {"tech", "Tech Enthusiasts",
            "People who follow technology products and platforms: phones, computers, chips, apps, networks and electric cars.",
            0x607D8B,
            "technology:1.5, tech?:1, tech giant:2, smartphone:2.5, iphone:3, ipad:3, macbook:3, imac:3, mac?:1.5,"
            + " apple?:2, google?:1.5, microsoft?:1.5, amazon?:1, facebook?:1.5, twitter?:1.5, meta?:0.5, samsung:2.5,"
            + " huawei:2.5, xiaomi:3, android:2, ios:2, macos:3, windows?:1, chrome?:1, firefox:2, browser:2,"
            + " laptop:2.5, tablet?:1.5, gadget:2.5, wearable:2.5, smartwatch:3, apple watch:3, headphone:2, earbud:2.5,"
            + " airpods:3, camera?:1, app?:1, app store:2.5, google play:2.5, operating system:2, chip?:1,"
            + " processor:2, semiconductor:2.5, intel:2, amd:2, nvidia:2, qualcomm:3, 5g:2.5, broadband:2.5, wifi:2,"
            + " wi fi:2, router:2, bluetooth:2.5, usb:2, electric car:2.5, electric vehicle:2.5, ev?:1, tesla:2,"
            + " self driving:2.5, drone?:1.5, vr headset:3, virtual reality:2, augmented reality:2, streaming?:1,"
            + " netflix:2, spotify:2, smart home:2.5, alexa?:1.5, siri:2.5, silicon valley:2, social media:2,"
            + " social network:2, whatsapp:2.5, internet:1.5, device:1.5, hardware:2, display?:1, battery?:1,"
            + " charger:2, computer:1.5, pc?:1, online?:0.3, website?:0.5, touchscreen:2.5, smart tv:2.5, cord cutter:2.5,"
            + " review?:0.5",
            "mobilfunk*:2.5, mobiltelefon*:2.5, elektroauto*:3, e auto:2.5, prozessor*:2, grafikkart*:3, breitband*:2.5,"
            + " glasfaser*:2.5, netzbetreiber*:2, digitalisierung*:1.5, technologie*:1.5, technik?:1, gerät?:1,"
            + " geräte?:1, bildschirm*:1.5, akku*:2, soziale netzwerk*:2, streamingdienst*:2.5, rechner?:1",
            "téléphone*?:1, ordinateur*:2, tablette*?:1, voiture électrique:2.5,"
            + " réseaux sociaux:2, réseau social:2, numérique:1.5, processeu*:2, puce*?:1, objet connecté:2.5,"
            + " fibre optique:2.5, opérateu*?:1, haut débit:2.5, appareil*?:1",
            "teléfono*?:1, móvil?:1, móviles?:1, celular*:2, ordenador*:2, computador*:2, tecnolog*:1.5,"
            + " coche eléctrico:2.5, vehículo* eléctrico*:2.5, redes sociales:2, red social:2,"
            + " procesador*:2, aplicación?:1, aplicaciones?:1, dispositivo*:1.5",
            "carro* elétrico*:2.5, veículo* elétrico*:2.5, redes sociais:2, rede social:2, aplicativo*:2,"
            + " processador*:2",
            "смартфон*:3, айфон*:3, гаджет*:2.5, ноутбук*:2.5, планшет*:2, процессор*:2, приложени*?:1, соцсет*:2,"
            + " электромобил*:3, интернет*:1.5, технологи*:1.5, устройств*:1.5, мессенджер*:2, гугл*:2, яндекс*:2,"
            + " компьютер*:1.5"},
        {"gaming", "Gamers & Game Makers",
            "People who play and make games: consoles, PC and mobile games, studios, esports and game culture.",
            0x5865F2,
            "video game:3, videogame:3, gaming:2.5, gamer:2.5, game?:1, esports:3, e sports:3, playstation:3, xbox:3,"
            + " nintendo:3, steam?:1, console?:1, game studio:2.5, game developer:2.5, indie game:2.5, gameplay:3,"
            + " multiplayer:2.5, rpg:2.5, mmo:2.5, speedrun:3, twitch?:1.5, dlc:2.5, e3?:2, gamescom:3,"
            + " game of the year:3, zelda:3, pokemon:3, pokémon:3, minecraft:3, fortnite:3, call of duty:3,"
            + " grand theft auto:3, epic games:3, electronic arts:3, ubisoft:3, activision:3, bethesda:3,"
            + " square enix:3, capcom:3, sega:3, bandai namco:3, steam deck:3, arcade?:2, early access:2,"
            + " open world:2, roguelike:3, platformer:3, final fantasy:3, player?:0.5, trailer?:0.5",
            "videospiel*:3, computerspiel*:3, konsolenspiel*:3, spiel?:1, spiele?:1, spielentwickl*:2.5, zocken:2,"
            + " spielkonsole*:3",
            "jeu vidéo:3, jeux vidéo:3, jeu?:1, jeux?:1, joueur*?:1, vidéoludique*:3",
            "videojuego*:3, juego?:1, jugador*?:0.5, consola*?:1",
            "videojogo*:3, jogo?:1, jogo eletrônico:3, jogador*?:0.5",
            "видеоигр*:3, компьютерн* игр*:3, игра?:1, игры?:1, игру?:1, игре?:1, игр?:1, геймер*:3, игров*?:1,"
            + " консол*?:1, киберспорт*:3, геймдизайн*:3, разработчик* игр:3"},
        {"science", "Science Readers",
            "People who follow discoveries: space, physics, biology, climate, earth sciences and the people doing them.",
            0x00BCD4,
            "science:1.5, scientist:1.5, scientific:1.5, physics:2.5, physicist:2.5, chemistry:2.5, chemist?:1.5,"
            + " biology:2.5, biologist:2.5, astronomy:3, astronomer:3, astrophysic*:3, astronaut*:2.5, nasa:3, esa?:1,"
            + " spacex:2, rocket?:1.5, telescope:3, planet*:2, exoplanet:3, galaxy?:1.5, black hole:3, mars?:1,"
            + " moon?:1, asteroid:3, comet:2.5, climate change:2, climate:1.5, global warming:2.5, fossil?:1.5,"
            + " dinosaur:3, evolution?:1, species:2, genome:2.5, genetic:2, dna:2, quantum:2, particle?:2,"
            + " earthquake:2.5, magnitude?:1.5, seismic:2.5, volcano:2.5, eruption:2, geolog*:2.5, ocean?:1,"
            + " biodiversity:2.5, ecosystem:2, neuroscience:3, archaeolog*:3, paleontolog*:3, mathematics:2,"
            + " mathematician:2.5, nobel prize:2, cern:3, spacecraft:3, orbit:2, satellite?:1.5, discovery?:1,"
            + " epicenter:3, epicentre:3, cell?:1, protein:2, molecule:2, molecular:2, bacteria:2, bacterial:2,"
            + " microbe:2.5, microbial:2.5, neuron:2.5, brain?:1, methane:2, carbon?:1, ice sheet:2.5, glacier:2.5,"
            + " antarctic*:2.5, arctic:2, tsunami:2.5, sediment:2.5, coral:2, nanometer:2.5, nanoscale:2.5,"
            + " synthesis?:1, enzyme:2.5, organism:2, ecology:2.5, geophysic*:3, magnetic field:2, solar?:1,"
            + " space?:1, spaceflight:3",
            "wissenschaft*:2, physik*:2.5, chemie:2.5, biologie:2.5, astronomie:3, astronom:3, astronomen:3,"
            + " weltraum*:2.5, raumfahrt*:3, klimawandel*:2, erdbeben*:2.5, vulkanausbruch*:2.5, teleskop*:3,"
            + " artensterben:2.5, artenvielfalt:2.5, dinosaurier:3, quantenphysik*:3, quantencomput*:3, forscher?:1",
            "scientifique*:1.5, chercheu*?:1, physique?:1.5, chimie:2.5, espace?:0.5, spatial*?:1.5, télescope*:3,"
            + " planète*:2, climat:1.5, réchauffement climatique:2.5, séisme*:2.5, tremblement de terre:2.5, volcan:2,"
            + " espèce*?:1, génétique*:2, dinosaure*:3, quantique*:2.5, cnrs:3, archéolog*:3",
            "ciencia*:1.5, científic*:1.5, física?:1.5, química?:2, biología:2.5, telescopio*:3, clima?:1,"
            + " cambio climático:2.5, terremoto*:2.5, sismo*:2.5, volcán:2, volcanes:2, especie*?:1, genética:2,"
            + " dinosaurio*:3, cuántic*:2.5, arqueolog*:3, espacial?:1, astronomía:3, astrónomo*:3",
            "ciência*:1.5, cientista*:2, biologia:2.5, telescópio*:3, mudança* climátic*:2.5, vulcão:2, vulcões:2,"
            + " espécie*?:1, dinossauro*:3, quântic*:2.5, astronomia:3, astrônomo*:3",
            "наук*?:1, научн*:1.5, ученые:2, ученых:2, ученым:2, ученый:2, физик*:2, хими*:2, биолог*:2.5,"
            + " астроном*:3, космос*:2, космическ*:2, телескоп*:3, планет*:2, климат*:1.5, землетрясени*:2.5,"
            + " вулкан*:2, генетическ*:2, геном*:2.5, динозавр*:3, квантов*:2.5, археолог*:3, роскосмос*:3, наса:3"},
        {"health", "Health & Medicine",
            "People who care about health: medicine, treatments, public health, hospitals and wellbeing.",
            0x26A69A,
            "health:1.5, healthcare:2.5, medical:2, medicine:2, doctor?:1.5, physician:2.5, nurse:2, hospital:2,"
            + " hospitalized:2, patient*:2, disease:2.5, virus?:1.5, vaccin*:3, covid:3, pandemic?:2.5, cancer:2.5,"
            + " diabetes:3, obesity:2.5, mental health:3, depression*?:1.5, anxiety?:1.5, therapy:1.5, treatment?:1,"
            + " drug?:1, clinical trial:3, fda?:2, world health organization:3, public health:2.5, symptom*:2.5,"
            + " infection:2.5, outbreak?:2, epidemic:2.5, wellness:2, fitness:1.5, nutrition:2, diet?:1.5, sleep?:1,"
            + " alzheimer:3, dementia:3, heart disease:3, stroke?:1, surgery:2.5, surgeon:2.5, pharmaceutical:2,"
            + " pharma:2, medicaid:2.5, medicare:2.5, opioid:2.5, overdose:2, flu:2, measles:3, health insurance:2,"
            + " exercise?:1, blood pressure:2.5, cholesterol:3, wellbeing:2, calorie:2, weight loss:2.5, pediatric*:2.5,"
            + " paediatric*:2.5, surgical:2.5, hearing loss:2.5, chronic?:1.5, clinic:2, medication:2, diagnos*:2,"
            + " audiolog*:2.5, tumor:2.5, tumour:2.5, syndrome:2, metastas*:2.5, immune:2, immunotherapy:3,"
            + " antibiotic:2.5, radiation?:1, chemotherapy:3, cardiac:2.5, kidney:2, liver?:1, lung:2, bone?:1,"
            + " injury:1.5, disorder?:1, autism:2.5, adhd:2.5",
            "gesundheit*:2, krankenh*:2, klinik*:2, arzt:2, ärzt*:2, krankheit*:2.5, impf*:3, corona?:1.5, pandemie:2.5,"
            + " krebs?:1.5, medizin*:2, pflegekr*:2, therapie*:2, behandlung*?:1, medikament*:2.5, ernährung*:2,"
            + " psychisch*:2, infektion*:2.5, epidemie:2.5, krankenkasse*:2.5",
            "santé:2, hôpita*:2, médecin*:2, médical*:2, médicaux:2, médicament*:2.5, maladie*:2.5, soins?:1, infirmi*:2, épidémie*:2.5,"
            + " pandémie*:2.5, traitement?:1, thérapie*:2, obésité:2.5, diabète:3, symptôme*:2.5",
            "salud:2, médico*:2, médica:2, medicina:2, enfermedad*:2.5, vacuna*:3, paciente*:2, cáncer:2.5, enfermer*:2, epidemia*:2.5,"
            + " pandemia*:2.5, tratamiento?:1, terapia*:2, sanitari*?:1.5, obesidad:2.5",
            "saúde:2, hospitais:2, doença*:2.5, vacina*:3, câncer:2.5, enfermeir*:2, tratamento?:1, obesidade:2.5,"
            + " sanitári*?:1.5",
            "здоровь*:2, здравоохранени*:3, больниц*:2, врач*:2, медицин*:2, пациент*:2, болезн*:2.5, заболевани*:2.5,"
            + " вакцин*:3, прививк*:3, вирус*?:1.5, коронавирус*:3, ковид*:3, пандеми*:2.5, эпидеми*:2.5, онколог*:2.5,"
            + " лечени*:1.5, лекарств*:2.5, минздрав*:3, диабет*:3, инфекци*:2.5"},
        {"politics", "Politics Watchers",
            "People who follow power: elections, parties, governments, parliaments and international relations.",
            0x795548,
            "politics:2.5, political:2, politician:2.5, election:3, electoral:2.5, vote?:1, voter:2.5, voting:2,"
            + " ballot:2.5, campaign?:1, candidate?:1, presiden*?:1.5, prime minister:3, minist*:2, parliament*:2,"
            + " congress?:1.5, senate?:1.5, senator:2.5, democrat:2.5, republican:2.5, gop:2.5, opposition?:1,"
            + " coalition?:1, government?:1, governor:2, mayor:2, white house:2.5, kremlin:2.5, referendum:3,"
            + " impeachment:3, diplomat*:2, nato:2, brexit:3, poll?:1, far right:2.5, far left:2.5, populis*:2.5,"
            + " democracy:2, authoritarian:2, dictator*:2.5, geopolitic*:3, foreign policy:2.5, cabinet?:1,"
            + " chancellor?:1.5, downing street:2.5, protest?:1, lawmaker?:1, war?:1, ambassador:2, envoy:2, summit?:1,"
            + " foreign minister:3, head of state:2.5, un security council:3, united nations:2, veto:2",
            "politik*:2.5, politisch*:2, wahlkampf*:3, bundestagswahl*:3, landtagswahl*:3, wahlen?:1, wähler*:2.5,"
            + " bundestag:2.5, bundesregierung:2.5, regierung*:1.5, kanzler*:2.5, partei*:2, abgeordnet*:2.5,"
            + " koalition*:2, cdu:2.5, spd:2.5, afd:2.5, fdp:2.5, csu:2.5, demokratie:2, präsident*:2,"
            + " bürgermeister*:2, landtag:2.5",
            "politique*:2, élection*:3, électora*:2.5, électeu*:2.5, gouvernement*:1.5, présiden*?:1.5,"
            + " assemblée nationale:3, sénat:2, député*:2.5, parti?:1, premier ministre:3, maire:2, démocratie:2,"
            + " scrutin:3, référendum:3",
            "polític*:2, elección:3, elecciones:3, votación:2, votante*:2, gobierno*:1.5, congreso:2, senado:2,"
            + " diputad*:2.5, partido?:1, alcalde*:2, democracia:2, oposición:1.5, parlamento*:2",
            "eleição:3, eleições:3, eleitor*:2.5, governo:1.5, câmara?:1, deputad*:2.5, prefeit*:2, votação:2,"
            + " oposição:1.5, congresso:2",
            "политик*:2.5, политическ*:2.5, выборы:3, выборах:3, выборов:3, выборам:3, избират*:2.5, голосовани*:2,"
            + " правительств*:1.5, президент*:2, министр*:2, парламент*:2, госдум*:3, депутат*:2.5, партия?:1,"
            + " партии?:1, кремл*:2.5, оппозици*:2, губернатор*:2, мэр:2, мэра:2, демократи*:2, дипломат*:2,"
            + " сенатор*:2"},
        {"sports", "Sports Fans",
            "People who follow sport: football and every other game played on a field, court, track or road.",
            0xCDDC39,
            "sport:1.5, football:2.5, soccer:3, basketball:3, baseball:3, tennis:3, golf?:1.5, cricket?:2, rugby:3,"
            + " hockey:3, nfl:3, nba:3, mlb:3, nhl:3, fifa?:2, uefa:3, premier league:3, champions league:3,"
            + " world cup:2.5, olympic*:3, athlete:2.5, championship:2, tournament:2, match?:1, coach?:1.5, team?:0.5,"
            + " goal?:1, season?:0.5, league:2, stadium:2, formula 1:3, f1?:2, grand prix:2.5, cycling:2,"
            + " tour de france:3, marathon:2, boxing:2.5, ufc:3, wimbledon:3, super bowl:3, quarterback:3, striker?:1.5,"
            + " midfielder:3, goalkeeper:3, referee:2.5, medal?:1.5, race?:0.5, win?:0.3",
            "fußball*:3, bundesliga:3, spieltag*:2.5, trainer?:1, torwart*:3, stürmer?:2, mannschaft*:2,"
            + " weltmeister*:2, sieg?:1, niederlage?:1, verein?:1, meisterschaft*:2",
            "ligue 1:3, championnat*:2, entraîneu*:2, équipe?:1, victoire?:1, défaite?:1, coupe du monde:3,"
            + " jeux olympiques:3, cyclisme:2.5, footballeu*:3",
            "fútbol:3, futbolista*:3, árbitro*:2.5, liga?:1, entrenador*:2, equipo?:1, gol:2, goles:2, selección?:1, mundial?:1,"
            + " campeonato*:2, juegos olímpicos:3, baloncesto:3, tenista*:3",
            "futebol:3, seleção?:1, copa do mundo:3, brasileirão:3, libertadores:3, basquete:3, vôlei:3, jogos olímpicos:3,"
            + " técnico?:0.5, torcedor*:2.5",
            "футбол*:3, хокке*:3, спорт*:2, матч*:2, чемпионат*:2.5, олимпи*:3, тренер*:2, сборн*?:1, клуб*?:1,"
            + " турнир*:2, теннис*:3, баскетбол*:3, гол?:1, голы?:1"},
    };

    /** The default audiences, in display order. */
    public static List<AudienceConfig> list() {
        return Arrays.stream(TABLE)
                .map(row -> new AudienceConfig((String) row[0], (String) row[1], (String) row[2], (Integer) row[3],
                        keywords(row)))
                .toList();
    }

    /** Keywords of one audience per language column, as written in the table ({@link #LANGUAGES} order). */
    static Map<String, Map<String, Double>> keywordsByLanguage(String id) {
        Object[] row = Arrays.stream(TABLE).filter(r -> r[0].equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no default audience " + id));
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (int l = 0; l < LANGUAGES.size(); l++) {
            out.put(LANGUAGES.get(l), parseKeywords((String) row[4 + l]));
        }
        return out;
    }

    private static Map<String, Double> keywords(Object[] row) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int l = 0; l < LANGUAGES.size(); l++) {
            parseKeywords((String) row[4 + l]).forEach((phrase, weight) -> {
                if (out.put(phrase, weight) != null) {
                    throw new IllegalStateException("duplicate default keyword of " + row[0] + ": " + phrase);
                }
            });
        }
        return out;
    }

    /** Parses {@code "a:2, b c:1.5, d"} into an insertion-ordered map. */
    static Map<String, Double> parseKeywords(String spec) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String item : spec.split(",")) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.lastIndexOf(':');
            String phrase = colon < 0 ? s : s.substring(0, colon).strip();
            double weight = colon < 0 ? 1.0 : Double.parseDouble(s.substring(colon + 1).strip());
            if (out.put(phrase, weight) != null) {
                throw new IllegalStateException("duplicate default keyword: " + phrase);
            }
        }
        return out;
    }
}
