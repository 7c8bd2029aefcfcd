document.body.classList.add("govuk-frontend-supported");
