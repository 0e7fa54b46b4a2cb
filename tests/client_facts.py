"""The key facts of the client's copy (seed/client-copy.txt) and where the site states them.

Each entry names one point of the client's copy, the slug of the page that carries it, and
short phrases that must appear in that page's visible text (compared in lower case with
whitespace collapsed). Where the site says a point differently from the client's copy
(see CONTENT-REVIEW.md), the phrases are the site's adjusted wording.
"""

CLIENT_FACTS = [
    {
        "fact": "Sclerotherapy is a widely used treatment (adjusted: well-proven, for spider and small blue veins)",
        "page": "procedure",
        "phrases": [
            "a well-proven treatment that doctors have used since the 1930s",
            "a treatment for spider veins and small blue veins (reticular veins) in the legs",
        ],
    },
    {
        "fact": "Sclerotherapy treats spider veins (home page, adjusted: not large varicose veins)",
        "page": "index",
        "phrases": [
            "a treatment for spider veins and small blue veins (reticular veins)",
            "asclera is not approved for large, bulging varicose veins",
        ],
    },
    {
        "fact": "Other venous insufficiencies can make the problem resurface in the future",
        "page": "procedure",
        "phrases": [
            "doctors call it venous insufficiency",
            "treatment does not stop new veins from forming",
        ],
    },
    {
        "fact": "Both a medical treatment and a cosmetic procedure that restores a smooth look",
        "page": "procedure",
        "phrases": [
            "both a medical treatment and a cosmetic one",
            "give your legs a smoother look",
        ],
    },
    {
        "fact": "A trained professional injects a special medicine, Asclera, into the unhealthy vein",
        "page": "procedure",
        "phrases": [
            "a trained professional injects a medicine into the vein",
            "the medicine used is called asclera",
        ],
    },
    {
        "fact": "The medicine irritates the vein walls and damages the cells lining the inside",
        "page": "procedure",
        "phrases": [
            "irritates the wall of the vein",
            "damages the cells that line the inside of the vein",
        ],
    },
    {
        "fact": "A local inflammatory reaction makes scar tissue and blood reroutes to healthier veins",
        "page": "procedure",
        "phrases": [
            "a local reaction (inflammation)",
            "through other, healthy veins instead",
            "turns into scar tissue",
        ],
    },
    {
        "fact": "The remaining vein shrinks and is absorbed into the surrounding tissue",
        "page": "procedure",
        "phrases": ["your body slowly absorbs it"],
    },
    {
        "fact": "The vein fades within a few weeks (adjusted: weeks to months)",
        "page": "procedure",
        "phrases": ["results take weeks to months"],
    },
    {
        "fact": "Spider veins are thin blue veins very close to the surface of the skin (adjusted: red or blue)",
        "page": "spider-veins",
        "phrases": ["very close to the surface of the skin", "often red or blue"],
    },
    {
        "fact": "Asclera is injected directly into the veins with a tiny needle",
        "page": "spider-veins",
        "phrases": ["right into the vein with a tiny needle"],
    },
    {
        "fact": "Small red marks like mosquito bites are a normal reaction",
        "page": "spider-veins",
        "phrases": ["they look like mosquito bites", "this is a normal reaction"],
    },
    {
        "fact": "The red marks fade in a couple of hours (adjusted: days to weeks first; other marks last longer)",
        "page": "spider-veins",
        "phrases": [
            "usually go away within a few days to several weeks",
            "settle within a few hours",
            "other marks can last longer",
        ],
    },
    {
        "fact": "Varicose veins are large blue swollen veins that bulge above the skin",
        "page": "varicose-veins",
        "phrases": ["bulge above the surface of the skin"],
    },
    {
        "fact": "For larger varicose veins the procedure is more complex and the doctor examines first",
        "page": "varicose-veins",
        "phrases": [
            "treatment is more complex",
            "looks closely at the affected area first",
            "duplex ultrasound scan",
        ],
    },
    {
        "fact": "The examination is so the injection does not cause blockages in deeper veins (adjusted)",
        "page": "varicose-veins",
        "phrases": ["a check before treatment does not remove all risk"],
    },
    {
        "fact": "A session lasts about 15 to 45 minutes, depending on the size of the area (said as some clinics say)",
        "page": "procedure",
        "phrases": ["some clinics say 15 to 45 minutes, depending on the size of the area"],
    },
    {
        "fact": "A session lasts about 15 to 45 minutes (questions page)",
        "page": "faq",
        "phrases": ["15 to 45 minutes"],
    },
    {
        "fact": "There is no downtime (adjusted: usual activities the same day, with limits)",
        "page": "procedure",
        "phrases": [
            "usual daily activities the same day",
            "there are a few limits for the first days and weeks",
        ],
    },
    {
        "fact": "The risks are minimal if done correctly (adjusted)",
        "page": "risks",
        "phrases": [
            "most side effects of sclerotherapy are mild",
            "even when the treatment is done correctly",
        ],
    },
    {
        "fact": "There is almost no danger of allergic reactions (adjusted: very rare but can be fatal)",
        "page": "risks",
        "phrases": ["a few people have died from one", "fewer than about 1 in 10,000 people"],
    },
    {
        "fact": "Extremely low risk of blood clots (adjusted)",
        "page": "risks",
        "phrases": [
            "serious clots are rare",
            "small clots where the needle went in are more common",
        ],
    },
    {
        "fact": "Compression stockings or support hose worn continuously for 2-3 days",
        "page": "compression-stockings",
        "phrases": [
            "compression stockings or support hose",
            "wear them day and night for 2 to 3 days",
        ],
    },
    {
        "fact": "Then worn for 2-3 weeks during the daytime",
        "page": "compression-stockings",
        "phrases": ["in the daytime until 2 to 3 weeks after your treatment day"],
    },
    {
        "fact": "Avoid strenuous physical activity",
        "page": "compression-stockings",
        "phrases": ["do not do heavy exercise for 2 to 3 days"],
    },
]
